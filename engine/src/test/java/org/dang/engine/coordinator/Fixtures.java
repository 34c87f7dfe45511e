package org.dang.engine.coordinator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.dang.engine.config.DecisionEngineConfig;
import org.dang.engine.config.ModuleConfig;
import org.dang.engine.config.ModulesConfig;
import org.dang.engine.config.RuleThresholds;

/** Configurations and waiting helpers shared by the coordinator tests. */
final class Fixtures {
    /** Upper bound for anything a test waits for; tests normally finish far sooner. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private Fixtures() {
    }

    static ModuleConfig module(boolean enabled, int capacity, int workers, Duration timeout) {
        return new ModuleConfig(enabled, timeout, List.of(), false, capacity, workers, List.of());
    }

    /** All three modules alike. */
    static ModulesConfig modules(int capacity, int workers, Duration timeout) {
        ModuleConfig c = module(true, capacity, workers, timeout);
        return new ModulesConfig(c, c, c);
    }

    static DecisionEngineConfig decisions(int maxRetries, Duration backoff, Duration cacheTtl) {
        return new DecisionEngineConfig(0.8, maxRetries, backoff, cacheTtl, RuleThresholds.defaults());
    }

    /** One worker, capacity 10, 5 s timeout, no retries, no cache. */
    static ModuleCoordinator simple(InstantSource clock) {
        return new ModuleCoordinator(modules(10, 1, Duration.ofSeconds(5)),
                decisions(0, Duration.ofMillis(50), Duration.ZERO), clock);
    }

    /** Requests with key {@code blockKey} wait for {@code release} after counting down {@code started}; others echo. */
    static TestModule.Body blocking(String blockKey, CountDownLatch started, CountDownLatch release) {
        return (request, context) -> {
            if (request.key().equals(blockKey)) {
                started.countDown();
                await(release);
            }
            return new TestResult(request.key());
        };
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "latch not released in time");
    }

    /** The exception a future failed with. */
    static Throwable failure(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> await(future)).getCause();
    }
}
