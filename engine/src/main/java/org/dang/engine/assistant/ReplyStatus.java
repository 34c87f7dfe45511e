package org.dang.engine.assistant;

/** How a question to the assistant ended. */
public enum ReplyStatus {
    /** The model answered in prose. */
    ANSWERED,
    /** The model asked for more tool runs than one question may use; the engine stopped it. */
    STOPPED_AT_TOOL_LIMIT,
    /** The model's tool request was invalid again after it was told why. */
    INVALID_TOOL_REQUEST,
    /** No model answered (unavailable, failed, out of budget, too late). */
    MODEL_UNAVAILABLE,
    /** The operator cancelled. */
    CANCELLED,
    /** The signed-in role may not ask the assistant. */
    DENIED,
    /** The engine failed (e.g. the store could not record the conversation). */
    FAILED
}
