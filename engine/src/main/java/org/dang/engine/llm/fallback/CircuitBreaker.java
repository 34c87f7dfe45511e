package org.dang.engine.llm.fallback;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * One backend's circuit: closed while it works; open (skipped) after {@code threshold} failures in a
 * row; after the cool-down, half-open: one trial call is let through, which closes it again on success
 * or re-opens it on failure. Thread-safe.
 */
public final class CircuitBreaker {

    /** Where the circuit stands. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private final InstantSource clock;
    private int failures;
    private Instant openedAt;
    private boolean trialRunning;

    /** Opens after {@code threshold} consecutive failures, for {@code coolDown}. */
    public CircuitBreaker(int threshold, Duration coolDown, InstantSource clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** The state now. */
    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(coolDown)) ? State.OPEN : State.HALF_OPEN;
    }

    /**
     * Whether a call may go to the backend now; in the half-open state only one trial at a time.
     * A caller that gets true must report {@link #success()} or {@link #failure()}.
     */
    public synchronized boolean tryAcquire() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialRunning) {
                    yield false;
                }
                trialRunning = true;
                yield true;
            }
        };
    }

    /** The call worked: the circuit closes. */
    public synchronized void success() {
        failures = 0;
        openedAt = null;
        trialRunning = false;
    }

    /** The call failed: counts towards opening; a failed trial re-opens at once. */
    public synchronized void failure() {
        failures++;
        if (trialRunning || failures >= threshold) {
            openedAt = clock.instant();
        }
        trialRunning = false;
    }

    /** The call was abandoned (cancelled by the caller): neither success nor failure. */
    public synchronized void release() {
        trialRunning = false;
    }

    /** When an open circuit lets a trial through; empty when not open. */
    public synchronized Optional<Instant> retryAt() {
        return state() == State.OPEN ? Optional.of(openedAt.plus(coolDown)) : Optional.empty();
    }

    /** Consecutive failures so far. */
    public synchronized int failures() {
        return failures;
    }
}
