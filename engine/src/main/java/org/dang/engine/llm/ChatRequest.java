package org.dang.engine.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation to continue, with how to sample and how much to spend.
 *
 * @param instructions what the model is told before the conversation; DeepSeek-R1 has no system turn,
 *                     so formats fold this into the first user message
 * @param messages     user and assistant turns alternating, starting and ending with the user
 * @param sampling     temperature, top-p, seed
 * @param budget       thinking and answer token budgets
 */
public record ChatRequest(Optional<String> instructions, List<ChatMessage> messages, Sampling sampling,
                          TokenBudget budget) {

    public ChatRequest {
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(budget, "budget");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one user message");
        }
        for (int i = 0; i < messages.size(); i++) {
            ChatRole expected = i % 2 == 0 ? ChatRole.USER : ChatRole.ASSISTANT;
            if (messages.get(i).role() != expected) {
                throw new IllegalArgumentException("message " + (i + 1) + " is from the "
                        + messages.get(i).role().name().toLowerCase(java.util.Locale.ROOT) + "; turns must alternate,"
                        + " starting with the user");
            }
        }
        if (messages.getLast().role() != ChatRole.USER) {
            throw new IllegalArgumentException("the last message must be the user's: the model answers it");
        }
    }

    /** A single question with no instructions. */
    public static ChatRequest ask(String question, Sampling sampling, TokenBudget budget) {
        return new ChatRequest(Optional.empty(), List.of(ChatMessage.user(question)), sampling, budget);
    }
}
