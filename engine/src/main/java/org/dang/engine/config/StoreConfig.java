package org.dang.engine.config;

import java.nio.file.Path;

/** {@code store:} section: where the H2 decision store lives (a path without the .mv.db suffix). */
public record StoreConfig(Path path) {
    /** Defaults: {@code ~/.dang/decisions}. */
    public static StoreConfig defaults() {
        return new StoreConfig(Path.of(System.getProperty("user.home"), ".dang", "decisions"));
    }
}
