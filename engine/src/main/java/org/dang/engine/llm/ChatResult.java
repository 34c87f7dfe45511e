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

    /** The assistant message to keep in the conversation. */
    public ChatMessage asMessage() {
        return ChatMessage.assistant(answer, reasoning);
    }
}
