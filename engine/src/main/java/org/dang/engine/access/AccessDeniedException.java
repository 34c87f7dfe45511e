package org.dang.engine.access;

/** An action refused for the user's role; the message says which role it needs. */
public final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates it with the operator-readable reason. */
    public AccessDeniedException(String reason) {
        super(reason);
    }
}
