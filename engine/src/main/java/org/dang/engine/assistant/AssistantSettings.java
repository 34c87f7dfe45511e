package org.dang.engine.assistant;

import java.time.Duration;

/**
 * Limits of the chat loop.
 *
 * @param maxToolCalls   tool requests one question may run (after that the model must answer)
 * @param modelDeadline  longest wait for one model reply
 * @param modelSummaries whether older turns are summarised by the model (else always extractively)
 */
public record AssistantSettings(int maxToolCalls, Duration modelDeadline, boolean modelSummaries) {

    /** Tool requests per question by default. */
    public static final int MAX_TOOL_CALLS = 3;

    public AssistantSettings {
        if (maxToolCalls < 0 || maxToolCalls > 10) {
            throw new IllegalArgumentException("maxToolCalls must be 0 to 10, got " + maxToolCalls);
        }
        if (modelDeadline.isNegative() || modelDeadline.isZero()) {
            throw new IllegalArgumentException("modelDeadline must be positive, got " + modelDeadline);
        }
    }

    /** Three tool calls, five minutes per model reply, model-written summaries. */
    public static AssistantSettings defaults() {
        return new AssistantSettings(MAX_TOOL_CALLS, Duration.ofMinutes(5), true);
    }
}
