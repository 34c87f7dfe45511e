package org.dang.engine.store;

/** A decision store failure, with a message that says what to do about it. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
