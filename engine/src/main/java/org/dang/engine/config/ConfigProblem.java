package org.dang.engine.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file.
 *
 * @param key     dotted key path such as {@code decision_engine.confidence_threshold}, list items as
 *                {@code modules.forecasting.models[1]}; empty for problems of the whole file
 * @param line    1-based line in the file, 0 when no line applies (e.g. the file cannot be read)
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String key, int line, String message) {

    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** The problem as one line, {@code <source>:<line>: <key>: <message>}; an absent line or key is left out. */
    public String format(String source) {
        return source + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
