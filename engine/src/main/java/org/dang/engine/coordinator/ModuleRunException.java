package org.dang.engine.coordinator;

import java.util.Objects;

import org.dang.engine.module.ModuleName;

/** A run that failed for good; the cause is the last attempt's failure. */
public class ModuleRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ModuleName module;
    private final int attempts;

    /** Creates the exception after {@code attempts} attempts of {@code module}. */
    public ModuleRunException(ModuleName module, int attempts, Throwable cause) {
        super(module.key() + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + describe(cause), cause);
        this.module = Objects.requireNonNull(module, "module");
        this.attempts = attempts;
    }

    /** The module that failed. */
    public ModuleName module() {
        return module;
    }

    /** How many attempts were made, the first included. */
    public int attempts() {
        return attempts;
    }

    /** A failure's message, or its type when it has none. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
