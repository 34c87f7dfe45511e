package org.dang.engine.llm.local;

/** Why a generation ended. */
public enum FinishReason {
    /** A stop token (EOS or an extra stop id) was produced. */
    STOP,
    /** The budget of new tokens was spent. */
    LENGTH,
    /** The model's context (max_position_embeddings) is full. */
    CONTEXT_FULL,
    /** The caller cancelled. */
    CANCELLED
}
