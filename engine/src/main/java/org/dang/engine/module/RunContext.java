package org.dang.engine.module;

import java.util.concurrent.CancellationException;

/** What a running module sees of the coordinator: progress reporting and cancellation. */
public interface RunContext {

    /** Reports progress; {@code fraction} in [0, 1], or negative when unknown. */
    void progress(double fraction, String message);

    /** True once the run was cancelled or timed out; long loops must check it. */
    boolean cancelled();

    /** Throws {@link CancellationException} when the run was cancelled or timed out. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("module run cancelled");
        }
    }
}
