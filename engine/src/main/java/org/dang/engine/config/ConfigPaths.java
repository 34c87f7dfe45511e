package org.dang.engine.config;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths written in the config: {@code ~} is the user's home, relative paths are relative to the config file's folder. */
final class ConfigPaths {

    private ConfigPaths() {
    }

    /**
     * The absolute, normalised path a config value stands for.
     *
     * @throws IllegalArgumentException with a message for the operator when the text is no usable path
     */
    static Path resolve(String text, Path home, Path baseDir) {
        try {
            Path path;
            if (text.equals("~")) {
                path = home;
            } else if (text.startsWith("~/") || text.startsWith("~" + File.separator)) {
                path = home.resolve(text.substring(2));
            } else if (text.startsWith("~")) {
                // Another user's home (~bob) would need a lookup the JDK does not offer; refuse it plainly.
                throw new IllegalArgumentException(
                        "\"" + text + "\": only ~ or ~/ (your own home folder) can be expanded; write an absolute path");
            } else {
                Path written = Path.of(text);
                path = written.isAbsolute() ? written : baseDir.resolve(written);
            }
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid path: " + e.getReason(), e);
        }
    }
}
