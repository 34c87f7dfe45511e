package org.dang.engine.assistant;

import java.util.concurrent.CompletableFuture;

/** A question in progress: cancel it, or wait for its reply. */
public interface AssistantHandle {

    /** Stops the model and any module run of the question; it ends CANCELLED unless it had already ended. */
    void cancel();

    /** The reply; never completes exceptionally (failures are a status). */
    CompletableFuture<AssistantReply> result();

    /** Waits for the reply. */
    default AssistantReply await() {
        return result().join();
    }
}
