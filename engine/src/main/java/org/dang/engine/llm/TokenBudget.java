package org.dang.engine.llm;

/**
 * How many tokens a reply may spend.
 *
 * @param thinkingTokens reasoning tokens before the answer must start (finish reason THINKING_BUDGET past it)
 * @param answerTokens   answer tokens (finish reason LENGTH past it)
 * @param maxTokens      reasoning plus answer, the cap sent to the server; at most the sum of the two
 */
public record TokenBudget(int thinkingTokens, int answerTokens, int maxTokens) {

    public TokenBudget {
        if (thinkingTokens < 1 || answerTokens < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("token budgets must be at least 1: thinking " + thinkingTokens
                    + ", answer " + answerTokens + ", total " + maxTokens);
        }
        maxTokens = (int) Math.min(maxTokens, (long) thinkingTokens + answerTokens);
    }

    /** Budgets whose total is the sum of both. */
    public static TokenBudget of(int thinkingTokens, int answerTokens) {
        return new TokenBudget(thinkingTokens, answerTokens, Integer.MAX_VALUE);
    }
}
