package org.dang.engine.config;

import java.time.Duration;

/**
 * {@code decision_engine:} section.
 *
 * @param confidenceThreshold below it an LLM proposal is overruled by the rules, 0 to 1
 * @param maxRetries          retries of a retryable module failure, 0 to 10
 * @param retryBackoff        first retry delay, doubled on each further retry
 * @param cacheTtl            how long a module result stays valid (seconds in YAML)
 * @param rules               thresholds of the deterministic rules
 */
public record DecisionEngineConfig(double confidenceThreshold, int maxRetries, Duration retryBackoff,
                                   Duration cacheTtl, RuleThresholds rules) {
    /** Defaults. */
    public static DecisionEngineConfig defaults() {
        return new DecisionEngineConfig(0.8, 3, Duration.ofMillis(500), Duration.ofSeconds(3600),
                RuleThresholds.defaults());
    }
}
