package org.dang.engine.llm;

/**
 * Receives a reply as it streams. Calls come from the backend's thread, one at a time and in order:
 * reasoning and answer pieces, then exactly one {@link #completed}. Implementations must be quick (hand
 * work to another thread) and must not throw.
 */
public interface ChatListener {

    /** Ignores everything. */
    ChatListener NONE = new ChatListener() { };

    /** A piece of reasoning text. */
    default void reasoning(String text) {
    }

    /** A piece of answer text. */
    default void answer(String text) {
    }

    /** The reply ended; {@code result} has the authoritative texts. */
    default void completed(ChatResult result) {
    }
}
