package org.dang.engine.module;

/** A module failure that says whether trying again may help (a busy resource) or not (bad input). */
public class ModuleFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    /** Creates a failure; {@code retryable} tells the coordinator whether to retry with backoff. */
    public ModuleFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Creates a failure without a cause. */
    public ModuleFailure(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** Whether the coordinator may retry the run. */
    public boolean retryable() {
        return retryable;
    }
}
