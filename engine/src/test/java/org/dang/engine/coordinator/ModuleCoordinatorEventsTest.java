package org.dang.engine.coordinator;

import static org.dang.engine.coordinator.Fixtures.await;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.dang.engine.module.WorkPriority.ANALYSIS;
import static org.dang.engine.module.WorkPriority.OPERATOR_REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Event order, progress, snapshots and listener isolation. */
class ModuleCoordinatorEventsTest {
    private final MutableClock clock = new MutableClock();
    private final EventRecorder events = new EventRecorder();
    private final CountDownLatch halfway = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);

    private final TestModule module = new TestModule(FORECASTING, (request, context) -> {
        if (request.key().equals("progress")) {
            context.progress(0.25, "loading history");
            context.progress(0.5, "training");
            halfway.countDown();
            Fixtures.await(finish);
            context.progress(0.75, "backtesting");
            context.progress(1.0, "done");
        }
        return new TestResult(request.key());
    });

    @Test
    void eventsOfARunArriveInOrderWithItsProgress() throws Exception {
        try (ModuleCoordinator coordinator = Fixtures.simple(clock)) {
            coordinator.addListener(events);
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("progress"), OPERATOR_REQUEST);
            Fixtures.await(halfway);

            ActiveRun active = coordinator.activeRuns().getFirst();
            assertEquals(run.runId(), active.runId());
            assertEquals(RunState.RUNNING, active.state());
            assertEquals(1, active.attempt());
            assertEquals(0.5, active.progress());
            assertEquals("training", active.progressMessage());
            assertTrue(active.startedAt().isPresent());

            finish.countDown();
            await(run.result());
            events.await(ModuleRunEvent.Succeeded.class, run.runId());

            List<ModuleRunEvent> ofRun = events.forRun(run.runId());
            assertEquals(List.of("Queued", "Started", "Progress", "Progress", "Progress", "Progress", "Succeeded"),
                    ofRun.stream().map(e -> e.getClass().getSimpleName()).toList());
            List<ModuleRunEvent.Progress> progress = ofRun.stream()
                    .filter(ModuleRunEvent.Progress.class::isInstance)
                    .map(ModuleRunEvent.Progress.class::cast).toList();
            assertEquals(List.of(0.25, 0.5, 0.75, 1.0),
                    progress.stream().map(ModuleRunEvent.Progress::fraction).toList());
            assertEquals(List.of("loading history", "training", "backtesting", "done"),
                    progress.stream().map(ModuleRunEvent.Progress::message).toList());
            assertTrue(ofRun.stream().allMatch(e -> e.module() == FORECASTING && e.priority() == OPERATOR_REQUEST
                    && e.time().equals(clock.instant())));
            assertTrue(coordinator.activeRuns().isEmpty());
        }
    }

    @Test
    void aThrowingListenerDoesNotStopTheCoordinatorOrOtherListeners() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (ModuleCoordinator coordinator = Fixtures.simple(clock)) {
            coordinator.addListener(event -> {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            });
            coordinator.addListener(event -> {
                throw new AssertionError("listener assertion");
            });
            coordinator.addListener(events);
            coordinator.register(module);

            ModuleRun<TestResult> first = coordinator.submit(TestRequest.forecast("one"), ANALYSIS);
            assertEquals("one", await(first.result()).value());
            ModuleRun<TestResult> second = coordinator.submit(TestRequest.forecast("two"), ANALYSIS);
            assertEquals("two", await(second.result()).value());

            events.await(ModuleRunEvent.Succeeded.class, first.runId());
            events.await(ModuleRunEvent.Succeeded.class, second.runId());
            assertTrue(calls.get() >= 6, "the throwing listener kept receiving events: " + calls.get());
        }
    }

    @Test
    void removedListenerGetsNoMoreEvents() throws Exception {
        EventRecorder removed = new EventRecorder();
        try (ModuleCoordinator coordinator = Fixtures.simple(clock)) {
            coordinator.addListener(removed);
            coordinator.addListener(events);
            coordinator.register(module);
            ModuleRun<TestResult> first = coordinator.submit(TestRequest.forecast("one"), ANALYSIS);
            removed.await(ModuleRunEvent.Succeeded.class, first.runId());
            coordinator.removeListener(removed);
            ModuleRun<TestResult> second = coordinator.submit(TestRequest.forecast("two"), ANALYSIS);
            events.await(ModuleRunEvent.Succeeded.class, second.runId());
            assertTrue(removed.forRun(second.runId()).isEmpty());
        }
    }

    @Test
    void progressOutsideTheUnitRangeIsNormalised() throws Exception {
        TestModule odd = new TestModule(FORECASTING, (request, context) -> {
            context.progress(Double.NaN, null);
            context.progress(7, "over");
            return new TestResult(request.key());
        });
        try (ModuleCoordinator coordinator = new ModuleCoordinator(Fixtures.modules(4, 1, Duration.ofSeconds(5)),
                Fixtures.decisions(0, Duration.ZERO, Duration.ZERO), clock)) {
            coordinator.addListener(events);
            coordinator.register(odd);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("x"), ANALYSIS);
            await(run.result());
            events.await(ModuleRunEvent.Succeeded.class, run.runId());
            List<ModuleRunEvent.Progress> progress = events.ofType(ModuleRunEvent.Progress.class);
            assertEquals(-1.0, progress.get(0).fraction());
            assertEquals("", progress.get(0).message());
            assertEquals(1.0, progress.get(1).fraction());
        }
    }
}
