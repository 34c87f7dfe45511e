package org.dang.engine.coordinator;

import static org.dang.engine.coordinator.Fixtures.await;
import static org.dang.engine.coordinator.Fixtures.failure;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.dang.engine.module.WorkPriority.ANALYSIS;
import static org.dang.engine.module.WorkPriority.FORECAST_REFRESH;
import static org.dang.engine.module.WorkPriority.OPERATOR_REQUEST;
import static org.dang.engine.module.WorkPriority.OPTIMIZATION;
import static org.dang.engine.module.WorkPriority.SAFETY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.dang.engine.config.ModulesConfig;
import org.dang.engine.module.ModuleName;
import org.junit.jupiter.api.Test;

/** Priority order, FIFO within a priority, and what a full queue does. */
class ModuleCoordinatorQueueTest {
    private final MutableClock clock = new MutableClock();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final TestModule module = new TestModule(FORECASTING, Fixtures.blocking("blocker", started, release));

    @Test
    void runsHighestPriorityFirstAndFifoWithinAPriority() throws Exception {
        try (ModuleCoordinator coordinator = Fixtures.simple(clock)) {
            coordinator.register(module);
            ModuleRun<TestResult> blocker = coordinator.submit(TestRequest.forecast("blocker"), FORECAST_REFRESH);
            await(started); // the only worker is now busy, so everything below queues

            List<ModuleRun<TestResult>> runs = List.of(
                    coordinator.submit(TestRequest.forecast("low-1"), FORECAST_REFRESH),
                    coordinator.submit(TestRequest.forecast("high"), SAFETY),
                    coordinator.submit(TestRequest.forecast("mid"), ANALYSIS),
                    coordinator.submit(TestRequest.forecast("low-2"), FORECAST_REFRESH),
                    coordinator.submit(TestRequest.forecast("operator"), OPERATOR_REQUEST),
                    coordinator.submit(TestRequest.forecast("optimisation"), OPTIMIZATION));

            assertEquals(List.of("high", "operator", "optimisation", "mid", "low-1", "low-2"),
                    coordinator.activeRuns().stream().filter(r -> r.state() == RunState.QUEUED)
                            .map(r -> ((TestRequest) r.request()).key()).toList());
            ModuleLoad load = coordinator.load(FORECASTING);
            assertEquals(6, load.queueDepth());
            assertEquals(1, load.running());

            release.countDown();
            await(blocker.result());
            for (ModuleRun<TestResult> run : runs) {
                assertEquals(((TestRequest) run.request()).key(), await(run.result()).value());
            }
            assertEquals(List.of("blocker", "high", "operator", "optimisation", "mid", "low-1", "low-2"),
                    module.executed());
        }
    }

    @Test
    void fullQueueRejectsEqualOrLowerWorkAndDisplacesTheNewestLowestForHigherWork() throws Exception {
        var coordinator = new ModuleCoordinator(Fixtures.modules(2, 1, Duration.ofSeconds(5)),
                Fixtures.decisions(0, Duration.ofMillis(50), Duration.ZERO), clock);
        var events = new EventRecorder();
        try (coordinator) {
            coordinator.addListener(events);
            coordinator.register(module);
            ModuleRun<TestResult> blocker = coordinator.submit(TestRequest.forecast("blocker"), SAFETY);
            await(started);

            ModuleRun<TestResult> a = coordinator.submit(TestRequest.forecast("a"), ANALYSIS);
            ModuleRun<TestResult> b = coordinator.submit(TestRequest.forecast("b"), ANALYSIS);
            assertTrue(coordinator.load(FORECASTING).queueFull());

            ModuleRun<TestResult> same = coordinator.submit(TestRequest.forecast("same"), ANALYSIS);
            var sameFailure = assertInstanceOf(QueueFullException.class, failure(same.result()));
            assertFalse(sameFailure.displaced());
            assertTrue(sameFailure.getMessage().contains("forecasting queue full"), sameFailure.getMessage());

            ModuleRun<TestResult> lower = coordinator.submit(TestRequest.forecast("lower"), FORECAST_REFRESH);
            assertInstanceOf(QueueFullException.class, failure(lower.result()));

            ModuleRun<TestResult> urgent = coordinator.submit(TestRequest.forecast("urgent"), SAFETY);
            var displaced = assertInstanceOf(QueueFullException.class, failure(b.result()));
            assertTrue(displaced.displaced());
            assertTrue(displaced.getMessage().contains("displaced by higher-priority work"), displaced.getMessage());
            assertEquals(FORECASTING, displaced.module());
            assertFalse(urgent.result().isDone());
            assertEquals(2, coordinator.load(FORECASTING).queueDepth());

            release.countDown();
            await(blocker.result());
            assertEquals("urgent", await(urgent.result()).value());
            assertEquals("a", await(a.result()).value());
            assertEquals(List.of("blocker", "urgent", "a"), module.executed());

            assertTrue(events.await(ModuleRunEvent.Rejected.class, same.runId()).reason().contains("queue full"));
            events.await(ModuleRunEvent.Rejected.class, lower.runId());
            assertTrue(events.await(ModuleRunEvent.Rejected.class, b.runId()).reason().contains("displaced"));
        }
    }

    @Test
    void unregisteredAndDisabledModulesFailTheFutureNamingTheModule() throws Exception {
        var config = new ModulesConfig(
                Fixtures.module(true, 4, 1, Duration.ofSeconds(5)),
                Fixtures.module(false, 4, 1, Duration.ofSeconds(5)),
                Fixtures.module(true, 4, 1, Duration.ofSeconds(5)));
        var events = new EventRecorder();
        var decisions = Fixtures.decisions(0, Duration.ZERO, Duration.ZERO);
        try (var coordinator = new ModuleCoordinator(config, decisions, clock)) {
            coordinator.addListener(events);
            coordinator.register(TestModule.echo(ModuleName.ANALYSIS));

            ModuleRun<TestResult> disabled = coordinator.submit(
                    new TestRequest(ModuleName.ANALYSIS, "x"), OPERATOR_REQUEST);
            var e1 = assertInstanceOf(ModuleUnavailableException.class, failure(disabled.result()));
            assertEquals("module analysis is disabled in the configuration", e1.getMessage());

            ModuleRun<TestResult> missing = coordinator.submit(
                    new TestRequest(ModuleName.OPTIMIZATION, "x"), OPERATOR_REQUEST);
            var e2 = assertInstanceOf(ModuleUnavailableException.class, failure(missing.result()));
            assertEquals("no module registered for optimization", e2.getMessage());
            events.await(ModuleRunEvent.Rejected.class, missing.runId());
            assertEquals(0, coordinator.load(ModuleName.ANALYSIS).workers());
        }
    }
}
