package org.dang.engine.module.market.loading;

import java.io.IOException;
import java.nio.file.Path;

/** A market data file could not be read; names the file, the 1-based line and the 1-based column. */
public final class MarketDataException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /** Builds the message "file:line:column: detail"; line or column 0 when not applicable. */
    public MarketDataException(Path file, int line, int column, String detail) {
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
