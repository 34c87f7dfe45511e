package org.dang.engine.coordinator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.dang.engine.module.ModuleName;

/** A run that exceeded its module's timeout and was stopped. */
public class ModuleTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ModuleName module;
    private final Duration timeout;

    /** Creates the exception for run {@code runId} of {@code module}. */
    public ModuleTimeoutException(ModuleName module, long runId, Duration timeout) {
        super(module.key() + " run " + runId + " timed out after " + readable(timeout));
        this.module = Objects.requireNonNull(module, "module");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The module that timed out. */
    public ModuleName module() {
        return module;
    }

    /** The limit that was exceeded. */
    public Duration timeout() {
        return timeout;
    }

    // "250 ms" and "300 s" read better in an operator's activity list than ISO-8601 "PT0.25S".
    private static String readable(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
