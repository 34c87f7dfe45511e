package org.dang.engine.csv;

import java.io.IOException;
import java.nio.file.Path;

/** A data file (CSV time series, EIA market data) could not be read; names the file, line and column. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /** Builds the message "file:line:column: detail"; line or column 0 when not applicable. */
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

    /** 1-based line number, 0 for the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column number, 0 for the whole line. */
    public int column() {
        return column;
    }
}
