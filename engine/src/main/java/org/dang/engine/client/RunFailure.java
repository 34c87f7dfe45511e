package org.dang.engine.client;

import java.io.Serial;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * Why a requested module run gave no result, as the status line says it: the role was refused, the engine
 * could not be reached, the coordinator rejected the run, the module failed, timed out or was cancelled.
 */
public final class RunFailure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, for views that colour or test it. */
    public enum Kind {
        /** The user's role may not request module runs. */
        REFUSED,
        /** A remote engine could not be reached or answered nonsense. */
        UNREACHABLE,
        /** The request was invalid, or the module is not installed, disabled or its queue full. */
        REJECTED,
        /** The module failed (after its retries). */
        FAILED,
        /** The run exceeded the module's timeout. */
        TIMED_OUT,
        /** The run was cancelled (from the activity view, or the engine closed). */
        CANCELLED
    }

    private final Kind kind;

    /** A failure of {@code kind}; {@code message} is the whole status line. */
    public RunFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A failure of {@code kind} of {@code what} (e.g. "forecast of naphtha_yield"), {@code why} in the engine's words. */
    public static RunFailure of(Kind kind, String what, String why, Throwable cause) {
        String verb = switch (kind) {
            case REFUSED, UNREACHABLE -> " not started: ";
            case REJECTED -> " rejected: ";
            case FAILED -> " failed: ";
            case TIMED_OUT -> " timed out: ";
            case CANCELLED -> " cancelled: ";
        };
        return new RunFailure(kind, what + verb + why, cause);
    }

    /**
     * The failure a future of {@link ModuleRuns} completed with, unwrapped from the {@link CompletionException}
     * of a dependent stage; anything else (a bug) as {@link Kind#FAILED} of {@code what}.
     */
    public static RunFailure from(Throwable failure, String what) {
        Throwable t = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        return t instanceof RunFailure r ? r : of(Kind.FAILED, what, String.valueOf(t.getMessage()), t);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
