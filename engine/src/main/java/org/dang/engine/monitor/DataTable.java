package org.dang.engine.monitor;

import java.nio.file.Path;

/**
 * A numeric data file read as one row per observation.
 *
 * @param file       where it was read from
 * @param values     observations x tags
 * @param transposed whether the file stored one tag per line and was transposed on reading
 */
public record DataTable(Path file, Matrix values, boolean transposed) {
}
