package org.dang.engine.llm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Circuit breaker states: closed, open after N failures, half-open after the cool-down with one trial. */
class CircuitBreakerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));
    private final InstantSource clock = now::get;

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void opensAfterThresholdAndHalfOpensAfterCoolDown() {
        CircuitBreaker b = new CircuitBreaker(3, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 2; i++) {
            assertTrue(b.tryAcquire());
            b.failure();
        }
        assertEquals(CircuitBreaker.State.CLOSED, b.state(), "two failures are not yet three");
        assertTrue(b.tryAcquire());
        b.failure();
        assertEquals(CircuitBreaker.State.OPEN, b.state());
        assertFalse(b.tryAcquire());
        assertEquals(Optional.of(Instant.parse("2026-11-24T08:01:00Z")), b.retryAt());
        advance(Duration.ofSeconds(59));
        assertFalse(b.tryAcquire());
        advance(Duration.ofSeconds(1));
        assertEquals(CircuitBreaker.State.HALF_OPEN, b.state());
        assertTrue(b.tryAcquire(), "one trial");
        assertFalse(b.tryAcquire(), "only one trial at a time");
        b.success();
        assertEquals(CircuitBreaker.State.CLOSED, b.state());
        assertEquals(0, b.failures());
    }

    @Test
    void failedTrialReopensAtOnce() {
        CircuitBreaker b = new CircuitBreaker(2, Duration.ofSeconds(10), clock);
        b.tryAcquire();
        b.failure();
        b.tryAcquire();
        b.failure();
        advance(Duration.ofSeconds(10));
        assertTrue(b.tryAcquire());
        b.failure();
        assertEquals(CircuitBreaker.State.OPEN, b.state());
        advance(Duration.ofSeconds(9));
        assertFalse(b.tryAcquire());
    }

    @Test
    void successResetsTheCountAndReleaseFreesTheTrial() {
        CircuitBreaker b = new CircuitBreaker(2, Duration.ofSeconds(10), clock);
        b.tryAcquire();
        b.failure();
        b.tryAcquire();
        b.success();
        b.tryAcquire();
        b.failure();
        assertEquals(CircuitBreaker.State.CLOSED, b.state(), "failures must be consecutive");
        b.tryAcquire();
        b.failure();
        advance(Duration.ofSeconds(10));
        assertTrue(b.tryAcquire());
        b.release();
        assertTrue(b.tryAcquire(), "a cancelled trial does not use up the half-open state");
    }
}
