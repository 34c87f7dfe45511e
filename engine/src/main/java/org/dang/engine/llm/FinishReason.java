package org.dang.engine.llm;

/** Why a reply ended. */
public enum FinishReason {
    /** The model finished its answer. */
    STOP,
    /** The answer reached its token budget (or the server's length limit). */
    LENGTH,
    /** The reasoning reached the thinking budget before the answer began. */
    THINKING_BUDGET,
    /** The caller cancelled. */
    CANCELLED,
    /** The backend failed; {@link ChatResult#error()} says how. */
    ERROR,
    /** No backend could be reached (all failed, timed out or have an open circuit); the rules decide alone. */
    UNAVAILABLE;

    /** Whether the reply is complete and usable as an answer. */
    public boolean answered() {
        return this == STOP || this == LENGTH;
    }
}
