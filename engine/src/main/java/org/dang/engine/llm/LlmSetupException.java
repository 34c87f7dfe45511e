package org.dang.engine.llm;

/** A backend cannot be built from the configuration; the message names the key and what to set. */
public final class LlmSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the config key. */
    public LlmSetupException(String message) {
        super(message);
    }

    /** With a cause. */
    public LlmSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
