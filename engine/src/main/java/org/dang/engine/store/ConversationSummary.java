package org.dang.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A summary of an operator's older turns, which stand in for them in the model's context.
 *
 * @param operator the signed-in user's name
 * @param upToSeq  the summary covers turns 1..upToSeq
 * @param text     the summary
 * @param method   MODEL (the language model wrote it) or EXTRACTIVE (the engine's deterministic extract)
 * @param at       when it was written
 */
public record ConversationSummary(String operator, long upToSeq, String text, String method, Instant at) {
    public ConversationSummary {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(at, "at");
    }
}
