package org.dang.engine.llm;

/**
 * A DeepSeek-R1 model behind some backend (local, SageMaker, OpenAI-compatible server, or a fallback
 * chain of them): a conversation in, a stream out with reasoning and answer apart, a final message
 * with token counts, timings and finish reason. Implementations are thread-safe; each call is independent.
 */
public interface ChatModel extends AutoCloseable {

    /** The backend and model this answers with (for a chain: the chain; see {@link ChatResult#answeredBy()}). */
    ModelInfo info();

    /**
     * Starts a reply and returns at once. Failures never throw: they end the reply with finish reason
     * ERROR or UNAVAILABLE through {@code listener.completed} and the handle's result.
     */
    ChatHandle stream(ChatRequest request, ChatListener listener);

    /** Replies and waits for the final message. */
    default ChatResult chat(ChatRequest request) {
        return stream(request, ChatListener.NONE).await();
    }

    /** Releases connections and threads. */
    @Override
    default void close() {
    }
}
