package org.dang.engine.assistant;

/** Who said a turn of the conversation. */
public enum TurnRole {
    /** The signed-in operator's question. */
    OPERATOR,
    /** The assistant's final answer (or the engine's message when it stopped). */
    ASSISTANT,
    /** A tool step the engine ran for the question. */
    TOOL
}
