package org.dang.engine.plant;

/**
 * Something wrong with incoming data, located precisely: a malformed CSV row, an unknown tag,
 * a NaN, an out-of-order timestamp. Reported, never silently dropped.
 *
 * @param source file name or source name
 * @param line   1-based line, or 0 when not from a file
 * @param tag    tag concerned, or empty
 * @param message what is wrong and what was done with it
 */
public record DataProblem(String source, long line, String tag, String message) {
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + (tag.isEmpty() ? "" : " [" + tag + "]") + ": " + message;
    }
}
