package org.dang.engine.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation.
 *
 * @param role      who wrote it
 * @param content   the text; for the assistant, its answer without the reasoning
 * @param reasoning the assistant's reasoning ({@code <think>} text), kept for display and the record;
 *                  prompt formats drop it when the message is sent back as history
 */
public record ChatMessage(ChatRole role, String content, Optional<String> reasoning) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reasoning, "reasoning");
        if (role == ChatRole.USER && reasoning.isPresent()) {
            throw new IllegalArgumentException("a user message carries no reasoning");
        }
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage(ChatRole.USER, content, Optional.empty());
    }

    /** An assistant message with no reasoning kept. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(ChatRole.ASSISTANT, content, Optional.empty());
    }

    /** An assistant message with the reasoning that led to it. */
    public static ChatMessage assistant(String content, String reasoning) {
        return new ChatMessage(ChatRole.ASSISTANT, content,
                reasoning == null || reasoning.isEmpty() ? Optional.empty() : Optional.of(reasoning));
    }
}
