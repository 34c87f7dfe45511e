package org.dang.engine.llm.reasoning;

/** Where a piece of model output belongs. */
public enum Channel {
    /** The model's reasoning ({@code <think>} text). */
    REASONING,
    /** The answer shown to the operator. */
    ANSWER
}
