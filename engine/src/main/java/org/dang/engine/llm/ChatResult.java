package org.dang.engine.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * The final message of a reply: its text, why it ended, what it used and who answered. The texts here
 * are authoritative; what was streamed before is provisional (see docs/llm.md, "Reasoning").
 *
 * @param answer     the answer, without reasoning
 * @param reasoning  the reasoning ({@code <think>} text), empty when the model gave none
 * @param finish     why it ended
 * @param error      what went wrong, for ERROR and UNAVAILABLE (and any backend note otherwise)
 * @param usage      token counts
 * @param timings    time to first token, tokens per second, total
 * @param answeredBy the backend and model that produced it; empty when none did
 */
public record ChatResult(String answer, String reasoning, FinishReason finish, Optional<String> error,
                         TokenUsage usage, ChatTimings timings, Optional<ModelInfo> answeredBy) {

    public ChatResult {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(answeredBy, "answeredBy");
    }

    /**
     * The answer when the model gave one.
     *
     * @throws ModelUnavailableException when no backend answered, failed, or the reply was cancelled
     */
    public String requireAnswer() {
        if (!finish.answered()) {
            throw new ModelUnavailableException(finish, error.orElse(finish.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return answer;
    }

    /**
     * One line for status displays: who answered, time to first token, rate, total, tokens, finish
     * reason, e.g. {@code openai deepseek-r1 | first token 0.42 s | 35.1 tok/s | total 3.20 s | 120
     * reasoning + 40 answer tokens, prompt 31 | stop}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder(answeredBy.map(m -> m.backend() + " " + m.model()).orElse("no model"));
        timings.timeToFirstToken().ifPresent(t -> b.append(" | first token ").append(seconds(t)));
        if (timings.tokensPerSecond() > 0) {
            b.append(String.format(java.util.Locale.ROOT, " | %.1f tok/s", timings.tokensPerSecond()));
        }
        b.append(" | total ").append(seconds(timings.total()));
        b.append(" | ").append(usage.reasoningTokens()).append(" reasoning + ").append(usage.answerTokens())
                .append(" answer tokens");
        usage.promptTokens().ifPresent(p -> b.append(", prompt ").append(p));
        return b.append(" | ").append(finish.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    private static String seconds(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /** The assistant message to keep in the conversation. */
    public ChatMessage asMessage() {
        return ChatMessage.assistant(answer, reasoning);
    }
}
