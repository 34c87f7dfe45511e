package org.dang.engine.llm;

import java.util.OptionalInt;

/**
 * Tokens a reply used.
 *
 * @param promptTokens    tokens of the prompt, when the backend reports them
 * @param reasoningTokens tokens of reasoning
 * @param answerTokens    tokens of the answer
 * @param reported        true when the backend reported the counts; false when they were counted from
 *                        the stream (one streamed piece taken as one token)
 */
public record TokenUsage(OptionalInt promptTokens, int reasoningTokens, int answerTokens, boolean reported) {

    /** Reasoning plus answer. */
    public int generatedTokens() {
        return reasoningTokens + answerTokens;
    }

    /** Nothing used. */
    public static TokenUsage none() {
        return new TokenUsage(OptionalInt.empty(), 0, 0, false);
    }
}
