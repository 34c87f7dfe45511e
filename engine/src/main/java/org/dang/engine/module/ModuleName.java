package org.dang.engine.module;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three engine modules, named as in the configuration file. */
public enum ModuleName {
    FORECASTING, ANALYSIS, OPTIMIZATION;

    /** The key used in YAML and JSON ({@code forecasting}, {@code analysis}, {@code optimization}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a module up by its key, ignoring case. */
    public static Optional<ModuleName> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equalsIgnoreCase(key)).findFirst();
    }
}
