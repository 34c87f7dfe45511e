package org.dang.engine.coordinator;

import java.time.Duration;

/**
 * When to retry a retryable failure: up to {@code maxRetries} retries, the n-th after
 * {@code backoff * 2^(n-1)}.
 */
record RetryPolicy(int maxRetries, Duration backoff) {

    RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("decision_engine.max_retries must be >= 0, got " + maxRetries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("decision_engine.retry_backoff must not be negative, got " + backoff);
        }
    }

    /** Whether another attempt may follow {@code failedAttempts} failed ones. */
    boolean allowsRetryAfter(int failedAttempts) {
        return failedAttempts <= maxRetries;
    }

    /** The delay before the attempt that follows {@code failedAttempts} failed ones. */
    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30); // maxRetries is at most 10 in config
        return backoff.multipliedBy(1L << doublings);
    }
}
