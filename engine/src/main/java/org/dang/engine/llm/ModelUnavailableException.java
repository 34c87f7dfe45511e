package org.dang.engine.llm;

/** No usable answer: no backend answered, or the one that did failed or was cancelled. Callers fall back to the rules. */
public final class ModelUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FinishReason finish;

    /** Why, with the finish reason of the reply. */
    public ModelUnavailableException(FinishReason finish, String message) {
        super(finish == FinishReason.UNAVAILABLE ? "model unavailable: " + message : message);
        this.finish = finish;
    }

    /** How the reply ended. */
    public FinishReason finish() {
        return finish;
    }
}
