package org.dang.engine.coordinator;

import static org.dang.engine.coordinator.Fixtures.await;
import static org.dang.engine.coordinator.Fixtures.failure;
import static org.dang.engine.module.ModuleName.ANALYSIS;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.dang.engine.module.WorkPriority.OPERATOR_REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.dang.engine.config.ModulesConfig;
import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.WorkPriority;
import org.junit.jupiter.api.Test;

/** Registration, thread naming and close(). */
class ModuleCoordinatorLifecycleTest {
    private final MutableClock clock = new MutableClock();

    private ModuleCoordinator twoWorkers(int maxRetries, Duration backoff) {
        return new ModuleCoordinator(Fixtures.modules(8, 2, Duration.ofSeconds(30)),
                Fixtures.decisions(maxRetries, backoff, Duration.ZERO), clock);
    }

    @Test
    void closeCancelsQueuedRunningAndRetryingWorkAndStopsEveryThread() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        TestModule module = new TestModule(FORECASTING, (request, context) -> {
            switch (request.key()) {
                case "retry" -> throw new ModuleFailure("busy", true);
                case "run-1", "run-2" -> {
                    worker.set(Thread.currentThread());
                    bothRunning.countDown();
                    Fixtures.await(new CountDownLatch(1)); // only an interrupt ends this wait
                }
                default -> { }
            }
            return new TestResult(request.key());
        });
        var events = new EventRecorder();
        ModuleCoordinator coordinator = twoWorkers(1, Duration.ofSeconds(30));
        coordinator.addListener(events);
        coordinator.register(module);
        coordinator.register(TestModule.echo(ANALYSIS));

        ModuleRun<TestResult> retrying = coordinator.submit(TestRequest.forecast("retry"), OPERATOR_REQUEST);
        events.await(ModuleRunEvent.Retrying.class, retrying.runId());
        ModuleRun<TestResult> run1 = coordinator.submit(TestRequest.forecast("run-1"), OPERATOR_REQUEST);
        ModuleRun<TestResult> run2 = coordinator.submit(TestRequest.forecast("run-2"), OPERATOR_REQUEST);
        Fixtures.await(bothRunning);
        ModuleRun<TestResult> queued = coordinator.submit(TestRequest.forecast("queued"), OPERATOR_REQUEST);
        assertEquals(Set.of("module-forecasting-1", "module-forecasting-2", "module-analysis-1",
                        "module-analysis-2", "module-coordinator-events"),
                coordinator.threads().stream().map(Thread::getName).collect(Collectors.toSet()));
        assertTrue(coordinator.threads().stream().allMatch(Thread::isDaemon));

        assertTrue(coordinator.close(Fixtures.WAIT));

        for (ModuleRun<TestResult> run : List.of(retrying, run1, run2, queued)) {
            assertThrows(CancellationException.class, () -> await(run.result()), run.toString());
        }
        assertFalse(worker.get().isAlive());
        assertTrue(coordinator.threads().stream().noneMatch(Thread::isAlive));
        assertTrue(coordinator.timerTerminated());
        assertEquals(List.of("retry", "run-1", "run-2"), module.executed().stream().sorted().toList());
        assertEquals(4, events.ofType(ModuleRunEvent.Cancelled.class).size());
        assertTrue(events.ofType(ModuleRunEvent.Cancelled.class).stream()
                .allMatch(e -> e.reason().equals("module coordinator closed")));

        var late = coordinator.<TestResult>submit(TestRequest.forecast("late"), OPERATOR_REQUEST);
        assertTrue(assertInstanceOf(ModuleUnavailableException.class, failure(late.result())).getMessage()
                .contains("closed"));
        assertThrows(IllegalStateException.class, () -> coordinator.register(TestModule.echo(ModuleName.OPTIMIZATION)));
        assertTrue(coordinator.close(Duration.ofMillis(10)), "close is idempotent");
    }

    @Test
    void closeWaitIsBoundedWhenAModuleIgnoresCancellation() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        var letGo = new AtomicBoolean();
        AtomicReference<Thread> worker = new AtomicReference<>();
        TestModule stubborn = new TestModule(FORECASTING, (request, context) -> {
            worker.set(Thread.currentThread());
            running.countDown();
            while (!letGo.get()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ignored) {
                    // deliberately deaf to cancellation
                }
            }
            return new TestResult(request.key());
        });
        ModuleCoordinator coordinator = twoWorkers(0, Duration.ZERO);
        coordinator.register(stubborn);
        ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("stubborn"), OPERATOR_REQUEST);
        Fixtures.await(running);

        long begin = System.nanoTime();
        assertFalse(coordinator.close(Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(2).toNanos());
        assertThrows(CancellationException.class, () -> await(run.result()));
        assertTrue(worker.get().isAlive());

        letGo.set(true);
        worker.get().join(Fixtures.WAIT);
        assertFalse(worker.get().isAlive(), "the worker ends once the module returns");
    }

    @Test
    void rejectsASecondModuleOfTheSameNameAndTheWrongRequestType() {
        try (ModuleCoordinator coordinator = Fixtures.simple(clock)) {
            coordinator.register(TestModule.echo(FORECASTING));
            var duplicate = assertThrows(IllegalStateException.class,
                    () -> coordinator.register(TestModule.echo(FORECASTING)));
            assertTrue(duplicate.getMessage().contains("forecasting"));

            ModuleRequest foreign = () -> FORECASTING;
            var wrongType = assertThrows(IllegalArgumentException.class,
                    () -> coordinator.submit(foreign, WorkPriority.ANALYSIS));
            assertTrue(wrongType.getMessage().contains("accepts TestRequest"), wrongType.getMessage());
        }
    }

    @Test
    void rejectsInvalidConfiguration() {
        var zeroWorkers = new ModulesConfig(
                Fixtures.module(true, 4, 0, Duration.ofSeconds(1)),
                Fixtures.module(true, 4, 1, Duration.ofSeconds(1)),
                Fixtures.module(true, 4, 1, Duration.ofSeconds(1)));
        var e = assertThrows(IllegalArgumentException.class, () -> new ModuleCoordinator(zeroWorkers,
                Fixtures.decisions(0, Duration.ZERO, Duration.ZERO), clock));
        assertEquals("modules.forecasting.workers must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModuleCoordinator(
                Fixtures.modules(4, 1, Duration.ofSeconds(1)), Fixtures.decisions(-1, Duration.ZERO, Duration.ZERO),
                clock));
    }
}
