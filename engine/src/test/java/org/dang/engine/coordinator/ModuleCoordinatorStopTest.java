package org.dang.engine.coordinator;

import static org.dang.engine.coordinator.Fixtures.await;
import static org.dang.engine.coordinator.Fixtures.failure;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.dang.engine.module.WorkPriority.ANALYSIS;
import static org.dang.engine.module.WorkPriority.OPERATOR_REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Timeouts and cancellation must stop the module's work and free its worker. */
class ModuleCoordinatorStopTest {
    private static final Duration TIMEOUT = Duration.ofMillis(150);

    private final MutableClock clock = new MutableClock();
    private final AtomicLong counter = new AtomicLong();
    private final CountDownLatch looping = new CountDownLatch(1);
    private final CountDownLatch exited = new CountDownLatch(1);
    private final AtomicBoolean sawCancelled = new AtomicBoolean();
    private final AtomicBoolean sawInterrupt = new AtomicBoolean();
    private final AtomicReference<String> lastThread = new AtomicReference<>();

    /**
     * "spin" counts while checking only RunContext.cancelled(); "sleepy" counts between sleeps and never
     * looks at the context, so only the interrupt can stop it; anything else echoes.
     */
    private final TestModule module = new TestModule(FORECASTING, (request, context) -> {
        lastThread.set(Thread.currentThread().getName());
        try {
            switch (request.key()) {
                case "spin" -> {
                    looping.countDown();
                    while (!context.cancelled()) {
                        counter.incrementAndGet();
                        Thread.onSpinWait();
                    }
                    sawCancelled.set(true);
                }
                case "sleepy" -> {
                    looping.countDown();
                    try {
                        while (true) {
                            counter.incrementAndGet();
                            Thread.sleep(2);
                        }
                    } catch (InterruptedException e) {
                        sawInterrupt.set(true);
                        sawCancelled.set(context.cancelled());
                    }
                }
                default -> {
                    return new TestResult(request.key());
                }
            }
        } finally {
            if (!request.key().equals("next") && !request.key().equals("blocker")) {
                exited.countDown();
            }
        }
        return new TestResult("finished anyway");
    });

    private ModuleCoordinator coordinator(Duration timeout) {
        return new ModuleCoordinator(Fixtures.modules(4, 1, timeout),
                Fixtures.decisions(0, Duration.ofMillis(50), Duration.ZERO), clock);
    }

    /** The counter no longer moves once the module's loop ended. */
    private void assertCounterStopped() throws InterruptedException {
        Fixtures.await(exited);
        long after = counter.get();
        assertTrue(after > 0, "the module never did any work");
        Thread.sleep(30); // a still-running loop would advance the counter thousands of times meanwhile
        assertEquals(after, counter.get(), "work continued after the stop");
    }

    /** The single worker takes the next run, so the stopped one released it. */
    private void assertWorkerFree(ModuleCoordinator coordinator) throws Exception {
        ModuleRun<TestResult> next = coordinator.submit(TestRequest.forecast("next"), ANALYSIS);
        assertEquals("next", await(next.result()).value());
        assertEquals("module-forecasting-1", lastThread.get());
        assertEquals(0, coordinator.load(FORECASTING).running());
    }

    @Test
    void timeoutStopsACooperativeRunAndFreesTheWorker() throws Exception {
        var events = new EventRecorder();
        try (ModuleCoordinator coordinator = coordinator(TIMEOUT)) {
            coordinator.addListener(events);
            coordinator.register(module);
            long begin = System.nanoTime();
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("spin"), OPERATOR_REQUEST);

            var timeout = assertInstanceOf(ModuleTimeoutException.class, failure(run.result()));
            assertTrue(System.nanoTime() - begin >= TIMEOUT.toNanos(), "timed out before the limit");
            assertEquals("forecasting run " + run.runId() + " timed out after 150 ms", timeout.getMessage());
            assertEquals(TIMEOUT, timeout.timeout());
            assertCounterStopped();
            assertTrue(sawCancelled.get(), "RunContext.cancelled() never turned true");
            assertEquals(TIMEOUT, events.await(ModuleRunEvent.TimedOut.class, run.runId()).timeout());
            assertWorkerFree(coordinator);
        }
    }

    @Test
    void timeoutInterruptsARunThatOnlyReactsToInterrupts() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(TIMEOUT)) {
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("sleepy"), OPERATOR_REQUEST);
            assertInstanceOf(ModuleTimeoutException.class, failure(run.result()));
            assertCounterStopped();
            assertTrue(sawInterrupt.get(), "the worker thread was not interrupted");
            assertTrue(sawCancelled.get(), "the context did not report cancelled when interrupted");
            assertWorkerFree(coordinator);
        }
    }

    @Test
    void cancellingARunningRunStopsItAndFreesTheWorker() throws Exception {
        var events = new EventRecorder();
        try (ModuleCoordinator coordinator = coordinator(Duration.ofSeconds(30))) {
            coordinator.addListener(events);
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("sleepy"), OPERATOR_REQUEST);
            Fixtures.await(looping);

            assertTrue(run.cancel());
            assertThrows(CancellationException.class, () -> await(run.result()));
            assertCounterStopped();
            assertTrue(sawInterrupt.get());
            assertTrue(sawCancelled.get());
            assertEquals("cancelled by caller", events.await(ModuleRunEvent.Cancelled.class, run.runId()).reason());
            assertFalse(run.cancel(), "a second cancel has nothing left to do");
            assertWorkerFree(coordinator);
        }
    }

    @Test
    void cancellingByRunIdStopsTheRunForEveryHandle() throws Exception {
        var events = new EventRecorder();
        try (ModuleCoordinator coordinator = coordinator(Duration.ofSeconds(30))) {
            coordinator.addListener(events);
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("sleepy"), OPERATOR_REQUEST);
            Fixtures.await(looping);

            assertFalse(coordinator.cancel(run.runId() + 1000, "no such run"));
            assertTrue(coordinator.cancel(run.runId(), "cancelled by op.lee from the activity view"));
            assertThrows(CancellationException.class, () -> await(run.result()));
            assertCounterStopped();
            assertEquals("cancelled by op.lee from the activity view",
                    events.await(ModuleRunEvent.Cancelled.class, run.runId()).reason());
            assertFalse(coordinator.cancel(run.runId(), "again"), "a finished run cannot be cancelled");
            assertWorkerFree(coordinator);
        }
    }

    @Test
    void cancellingAQueuedRunRemovesItFromTheQueue() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestModule blocking = new TestModule(FORECASTING, Fixtures.blocking("blocker", started, release));
        var events = new EventRecorder();
        try (ModuleCoordinator coordinator = coordinator(Duration.ofSeconds(30))) {
            coordinator.addListener(events);
            coordinator.register(blocking);
            ModuleRun<TestResult> blocker = coordinator.submit(TestRequest.forecast("blocker"), ANALYSIS);
            Fixtures.await(started);
            ModuleRun<TestResult> queued = coordinator.submit(TestRequest.forecast("queued"), ANALYSIS);
            assertEquals(1, coordinator.load(FORECASTING).queueDepth());

            assertTrue(queued.cancel());
            assertTrue(queued.result().isCancelled());
            assertEquals(0, coordinator.load(FORECASTING).queueDepth());
            assertEquals(List.of(blocker.runId()), coordinator.activeRuns().stream().map(ActiveRun::runId).toList());
            events.await(ModuleRunEvent.Cancelled.class, queued.runId());

            release.countDown();
            await(blocker.result());
            assertEquals("after", await(coordinator.<TestResult>submit(TestRequest.forecast("after"), ANALYSIS)
                    .result()).value());
            assertEquals(List.of("blocker", "after"), blocking.executed());
            assertTrue(events.forRun(queued.runId()).stream().noneMatch(ModuleRunEvent.Started.class::isInstance));
        }
    }
}
