package org.dang.engine.llm;

/** Who wrote a message of a conversation. DeepSeek-R1 takes no system turn: instructions go in {@link ChatRequest}. */
public enum ChatRole {
    /** The operator or the engine asking. */
    USER,
    /** The model answering. */
    ASSISTANT
}
