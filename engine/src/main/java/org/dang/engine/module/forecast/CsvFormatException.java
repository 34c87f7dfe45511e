package org.dang.engine.module.forecast;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV time series file could not be read; names the file, the 1-based line and the 1-based column. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /** Builds the message "file:line:column: detail" from its parts. */
    public CsvFormatException(Path file, int line, int column, String detail) {
        super(file + ":" + line + ":" + column + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file that was read. */
    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 1-based column number. */
    public int column() {
        return column;
    }
}
