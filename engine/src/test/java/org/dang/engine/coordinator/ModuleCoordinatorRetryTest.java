package org.dang.engine.coordinator;

import static org.dang.engine.coordinator.Fixtures.await;
import static org.dang.engine.coordinator.Fixtures.failure;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.dang.engine.module.WorkPriority.ANALYSIS;
import static org.dang.engine.module.WorkPriority.OPTIMIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.dang.engine.module.ModuleFailure;
import org.junit.jupiter.api.Test;

/** Retries with exponential backoff, only for retryable ModuleFailures. */
class ModuleCoordinatorRetryTest {
    private static final Duration BACKOFF = Duration.ofMillis(50);

    private final MutableClock clock = new MutableClock();
    private final EventRecorder events = new EventRecorder();
    private final List<Long> attemptStarts = Collections.synchronizedList(new ArrayList<>());

    private ModuleCoordinator coordinator(int maxRetries, Duration backoff) {
        var coordinator = new ModuleCoordinator(Fixtures.modules(8, 1, Duration.ofSeconds(5)),
                Fixtures.decisions(maxRetries, backoff, Duration.ZERO), clock);
        coordinator.addListener(events);
        return coordinator;
    }

    /** Fails with {@code failure} on the first {@code failures} attempts of "flaky", then succeeds. */
    private TestModule failingFirst(int failures, Exception failure) {
        AtomicInteger attempts = new AtomicInteger();
        return new TestModule(FORECASTING, (request, context) -> {
            if (request.key().equals("flaky")) {
                attemptStarts.add(System.nanoTime());
                if (attempts.incrementAndGet() <= failures) {
                    throw failure;
                }
            }
            return new TestResult(request.key());
        });
    }

    @Test
    void retryableFailureSucceedsOnTheThirdAttemptWithDoublingDelays() throws Exception {
        TestModule module = failingFirst(2, new ModuleFailure("historian busy", true));
        try (ModuleCoordinator coordinator = coordinator(3, BACKOFF)) {
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("flaky"), OPTIMIZATION);

            assertEquals("flaky", await(run.result()).value());
            assertEquals(3, module.invocations.get());
            var succeeded = events.await(ModuleRunEvent.Succeeded.class, run.runId());
            assertEquals(3, succeeded.attempts());
            assertFalse(succeeded.fromCache());

            List<ModuleRunEvent.Retrying> retries = events.ofType(ModuleRunEvent.Retrying.class);
            assertEquals(List.of(2, 3), retries.stream().map(ModuleRunEvent.Retrying::attempt).toList());
            assertEquals(List.of(BACKOFF, BACKOFF.multipliedBy(2)),
                    retries.stream().map(ModuleRunEvent.Retrying::delay).toList());
            assertTrue(retries.stream().allMatch(r -> r.cause().equals("historian busy")
                    && r.priority() == OPTIMIZATION));
            assertEquals(List.of(1, 2, 3), events.forRun(run.runId()).stream()
                    .filter(ModuleRunEvent.Started.class::isInstance)
                    .map(e -> ((ModuleRunEvent.Started) e).attempt()).toList());

            // Each retry waited at least its backoff, and the second wait was the doubled one.
            long firstGap = attemptStarts.get(1) - attemptStarts.get(0);
            long secondGap = attemptStarts.get(2) - attemptStarts.get(1);
            assertTrue(firstGap >= BACKOFF.toNanos(), "first retry after " + firstGap + " ns");
            assertTrue(secondGap >= BACKOFF.multipliedBy(2).toNanos(), "second retry after " + secondGap + " ns");
        }
    }

    @Test
    void backoffDoesNotHoldTheWorker() throws Exception {
        TestModule module = failingFirst(1, new ModuleFailure("busy", true));
        try (ModuleCoordinator coordinator = coordinator(1, Duration.ofMillis(400))) {
            coordinator.register(module);
            ModuleRun<TestResult> flaky = coordinator.submit(TestRequest.forecast("flaky"), ANALYSIS);
            events.await(ModuleRunEvent.Retrying.class, flaky.runId());
            assertEquals(1, coordinator.load(FORECASTING).waitingRetry());

            ModuleRun<TestResult> other = coordinator.submit(TestRequest.forecast("other"), ANALYSIS);
            assertEquals("other", await(other.result()).value());
            assertFalse(flaky.result().isDone(), "the retry should still be waiting for its backoff");

            assertEquals("flaky", await(flaky.result()).value());
            assertEquals(List.of("flaky", "other", "flaky"), module.executed());
        }
    }

    @Test
    void nonRetryableFailureIsNotRetried() throws Exception {
        ModuleFailure badInput = new ModuleFailure("feed rate tag missing", false);
        TestModule module = failingFirst(5, badInput);
        try (ModuleCoordinator coordinator = coordinator(3, BACKOFF)) {
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("flaky"), ANALYSIS);

            var error = assertInstanceOf(ModuleRunException.class, failure(run.result()));
            assertEquals("forecasting failed after 1 attempt: feed rate tag missing", error.getMessage());
            assertEquals(1, error.attempts());
            assertSame(badInput, error.getCause());
            assertEquals(1, module.invocations.get());
            assertEquals(1, events.await(ModuleRunEvent.Failed.class, run.runId()).attempts());
            assertTrue(events.ofType(ModuleRunEvent.Retrying.class).isEmpty());
        }
    }

    @Test
    void otherExceptionsAreNotRetried() throws Exception {
        TestModule module = failingFirst(5, new IllegalStateException("division by zero in model"));
        try (ModuleCoordinator coordinator = coordinator(3, BACKOFF)) {
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("flaky"), ANALYSIS);

            var error = assertInstanceOf(ModuleRunException.class, failure(run.result()));
            assertInstanceOf(IllegalStateException.class, error.getCause());
            assertEquals(1, module.invocations.get());
            assertTrue(events.ofType(ModuleRunEvent.Retrying.class).isEmpty());
        }
    }

    @Test
    void givesUpAfterMaxRetriesAndSaysHowManyAttempts() throws Exception {
        TestModule module = failingFirst(Integer.MAX_VALUE, new ModuleFailure("historian busy", true));
        try (ModuleCoordinator coordinator = coordinator(2, Duration.ofMillis(20))) {
            coordinator.register(module);
            ModuleRun<TestResult> run = coordinator.submit(TestRequest.forecast("flaky"), ANALYSIS);

            var error = assertInstanceOf(ModuleRunException.class, failure(run.result()));
            assertEquals("forecasting failed after 3 attempts: historian busy", error.getMessage());
            assertEquals(3, error.attempts());
            assertEquals(3, module.invocations.get());
            var failed = events.await(ModuleRunEvent.Failed.class, run.runId());
            assertEquals(3, failed.attempts());
            assertEquals("historian busy", failed.cause());
            assertEquals(2, events.ofType(ModuleRunEvent.Retrying.class).size());
        }
    }
}
