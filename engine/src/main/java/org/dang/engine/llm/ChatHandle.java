package org.dang.engine.llm;

import java.util.concurrent.CompletableFuture;

/** A reply in progress: cancel it, or wait for its final message. */
public interface ChatHandle {

    /** Stops the reply; it completes with {@link FinishReason#CANCELLED} unless it had already ended. Idempotent. */
    void cancel();

    /** The final message; never completes exceptionally (failures are a finish reason). */
    CompletableFuture<ChatResult> result();

    /** Waits for the final message. */
    default ChatResult await() {
        return result().join();
    }
}
