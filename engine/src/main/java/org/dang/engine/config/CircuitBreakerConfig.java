package org.dang.engine.config;

import java.time.Duration;

/**
 * {@code orchestrator.llm.circuit_breaker:} when a backend is skipped for a while.
 *
 * @param failures consecutive failures that open a backend's circuit, 1 to 100
 * @param coolDown how long an open circuit skips the backend before one trial call
 */
public record CircuitBreakerConfig(int failures, Duration coolDown) {

    /** Defaults: 3 failures, 60 s. */
    public static CircuitBreakerConfig defaults() {
        return new CircuitBreakerConfig(3, Duration.ofSeconds(60));
    }
}
