package org.dang.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code advisor:} section: how the live engine asks the language model about ambiguous situations
 * and operators' questions (docs/advisor.md). It only acts when a model is configured
 * ({@code orchestrator.llm}); the confidence threshold is {@code decision_engine.confidence_threshold}.
 *
 * @param enabled    whether ambiguous situations and operator requests go to the model at all
 * @param deadline   how long to wait for the model's final message before the rules decide alone
 * @param maxPending how many requests may wait for the model at once; beyond it the rules decide alone
 */
public record AdvisorConfig(boolean enabled, Duration deadline, int maxPending) {

    /** Shortest deadline the configuration accepts. */
    public static final Duration MIN_DEADLINE = Duration.ofSeconds(1);
    /** Longest deadline the configuration accepts. */
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(30);
    /** Largest {@code max_pending}. */
    public static final int MAX_PENDING_LIMIT = 64;

    public AdvisorConfig {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.compareTo(MIN_DEADLINE) < 0 || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException("advisor deadline must be within 1s..30m, was " + deadline);
        }
        if (maxPending < 1 || maxPending > MAX_PENDING_LIMIT) {
            throw new IllegalArgumentException("advisor max_pending must be within 1.." + MAX_PENDING_LIMIT
                    + ", was " + maxPending);
        }
    }

    /** Defaults: enabled, 120 s deadline, 4 requests pending at most. */
    public static AdvisorConfig defaults() {
        return new AdvisorConfig(true, Duration.ofSeconds(120), 4);
    }
}
