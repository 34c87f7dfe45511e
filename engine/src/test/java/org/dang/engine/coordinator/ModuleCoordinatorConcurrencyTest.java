package org.dang.engine.coordinator;

import static org.dang.engine.module.ModuleName.ANALYSIS;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.junit.jupiter.api.Test;

/** Many submitters at once: every submission completes exactly once, nothing runs twice or gets lost. */
class ModuleCoordinatorConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;

    @Test
    void concurrentSubmittersLoseAndDuplicateNothing() throws Exception {
        Set<String> executed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        TestModule.Body body = (request, context) -> {
            if (!executed.add(request.key())) {
                duplicates.incrementAndGet();
            }
            for (int i = 0; i < 200; i++) {
                Thread.onSpinWait(); // a little work, so queues fill and displacement happens
            }
            return new TestResult(request.key());
        };
        var events = new EventRecorder();
        // A small queue on purpose: rejections and displacements race with the workers.
        try (var coordinator = new ModuleCoordinator(Fixtures.modules(50, 2, Duration.ofSeconds(5)),
                Fixtures.decisions(0, Duration.ZERO, Duration.ZERO), new MutableClock())) {
            coordinator.addListener(events);
            coordinator.register(new TestModule(FORECASTING, body));
            coordinator.register(new TestModule(ANALYSIS, body));

            ConcurrentLinkedQueue<ModuleRun<TestResult>> handles = new ConcurrentLinkedQueue<>();
            AtomicInteger completions = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> submitters = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                submitters.add(Thread.ofPlatform().name("submitter-" + t).start(() -> {
                    try {
                        Fixtures.await(go);
                    } catch (InterruptedException e) {
                        return;
                    }
                    WorkPriority[] priorities = WorkPriority.values();
                    for (int i = 0; i < PER_THREAD; i++) {
                        ModuleName module = (i % 2 == 0) ? FORECASTING : ANALYSIS;
                        WorkPriority priority = priorities[(i + thread) % priorities.length];
                        ModuleRun<TestResult> run = coordinator.submit(
                                new TestRequest(module, "t" + thread + "-" + i), priority);
                        run.result().whenComplete((r, e) -> completions.incrementAndGet());
                        handles.add(run);
                    }
                }));
            }
            go.countDown();
            for (Thread submitter : submitters) {
                submitter.join(Fixtures.WAIT);
            }

            assertEquals(THREADS * PER_THREAD, handles.size());
            CompletableFuture.allOf(handles.stream().map(h -> h.result().exceptionally(e -> null))
                    .toArray(CompletableFuture[]::new)).get(Fixtures.WAIT.toMillis(), TimeUnit.MILLISECONDS);

            Set<String> succeeded = new HashSet<>();
            Set<String> rejected = new HashSet<>();
            Set<Long> runIds = new HashSet<>();
            for (ModuleRun<TestResult> handle : handles) {
                String key = ((TestRequest) handle.request()).key();
                assertTrue(runIds.add(handle.runId()), "run id reused: " + handle.runId());
                try {
                    assertEquals(key, handle.result().get().value());
                    succeeded.add(key);
                } catch (ExecutionException e) {
                    assertInstanceOf(QueueFullException.class, e.getCause(), key);
                    rejected.add(key);
                }
            }
            assertEquals(THREADS * PER_THREAD, succeeded.size() + rejected.size());
            assertEquals(0, duplicates.get(), "a run executed twice");
            assertEquals(succeeded, executed, "executed runs must be exactly the successful ones");

            assertEquals(succeeded.size(), events.awaitCount(ModuleRunEvent.Succeeded.class, succeeded.size()).size());
            assertEquals(rejected.size(), events.awaitCount(ModuleRunEvent.Rejected.class, rejected.size()).size());
            assertEquals(succeeded.size(), events.ofType(ModuleRunEvent.Succeeded.class).stream()
                    .map(ModuleRunEvent::runId).distinct().count());
            assertEquals(THREADS * PER_THREAD, completions.get());
            for (ModuleName module : List.of(FORECASTING, ANALYSIS)) {
                ModuleLoad load = coordinator.load(module);
                assertEquals(0, load.queueDepth());
                assertEquals(0, load.running());
            }
        }
    }
}
