package org.dang.engine.monitor;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the bundled Tennessee Eastman files from the module or the repository root. */
final class MonitorTestData {

    private MonitorTestData() {
    }

    /** sample-plant-data/tennessee-eastman, found by walking up from the working directory. */
    static Path tep() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("sample-plant-data").resolve("tennessee-eastman");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("sample-plant-data/tennessee-eastman not found above "
                + Path.of("").toAbsolutePath());
    }

    /** original/dNN.dat. */
    static Path tep(int fault) {
        return tep().resolve("original").resolve(String.format("d%02d.dat", fault));
    }
}
