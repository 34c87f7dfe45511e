package org.dang.engine.monitor;

import java.nio.file.Path;

/** A data file that cannot be used, with the place of the problem (line and column are 1-based, 0 if none). */
public final class DataFileException extends RuntimeException {

    private final Path file;
    private final long line;
    private final int column;

    /** A problem at a line and column of a file. */
    public DataFileException(Path file, long line, int column, String message) {
        super(file + (line > 0 ? ":" + line : "") + (column > 0 ? " column " + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 for a problem with the whole file. */
    public long line() {
        return line;
    }

    /** 1-based column, or 0. */
    public int column() {
        return column;
    }
}
