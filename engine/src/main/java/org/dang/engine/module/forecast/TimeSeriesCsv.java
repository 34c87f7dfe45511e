package org.dang.engine.module.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dang.engine.csv.CsvFormatException;
import java.util.Set;

/** Reads a {@link TimeSeriesTable} from a comma-separated file with a header row. */
public final class TimeSeriesCsv {

    private TimeSeriesCsv() {
    }

    /**
     * Reads the file. The first column is the index: ISO-8601 timestamps (zone-less ones are taken as UTC,
     * plain dates as midnight UTC) or plain row numbers, decided by the first data row. The other columns are
     * numbers; an empty cell, NaN or NA is a missing value and stays NaN.
     */
    public static TimeSeriesTable read(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * Reads a file with or without an index column: when the first cell of the first data row is neither a row
     * number nor an ISO-8601 time, every column is taken as a value column and rows are numbered.
     */
    public static TimeSeriesTable readDetectingIndex(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).skip(1).limit(1).toList()) {
            String first = split(line)[0];
            boolean indexCell = isInteger(first);
            if (!indexCell) {
                try {
                    parseTime(file, 2, first);
                    indexCell = true;
                } catch (CsvFormatException notATime) {
                    indexCell = false;
                }
            }
            return indexCell ? read(file) : readWithoutIndex(file);
        }
        return read(file);
    }

    /**
     * Reads a file whose columns are all values (no time column, such as the bundled soft-sensor data sets);
     * rows are indexed by their number 0..n−1.
     */
    public static TimeSeriesTable readWithoutIndex(Path file) throws IOException {
        return read(file, false);
    }

    private static TimeSeriesTable read(Path file, boolean indexed) throws IOException {
        // Without an index column a synthetic one is put in front; 'shift' keeps reported columns true to the file.
        int shift = indexed ? 0 : 1;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new CsvFormatException(file, 1, 1, "empty file: expected a header row");
        }
        String[] header = withIndex(split(lines.get(headerLine)), indexed, "row");
        if (header.length < 2) {
            throw new CsvFormatException(file, headerLine + 1, 1, "header needs a time column and at least one value column");
        }
        Set<String> seen = new HashSet<>();
        for (int c = 1; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new CsvFormatException(file, headerLine + 1, c + 1 - shift, "empty column name");
            }
            if (!seen.add(header[c])) {
                throw new CsvFormatException(file, headerLine + 1, c + 1 - shift, "duplicate column name '" + header[c] + "'");
            }
        }
        List<Instant> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Boolean rowNumbered = null;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            String[] cells = withIndex(split(text), indexed, Integer.toString(rows.size()));
            if (cells.length != header.length) {
                throw new CsvFormatException(file, lineNo, Math.min(cells.length, header.length) + 1 - shift,
                        "expected " + (header.length - shift) + " cells as in the header but found " + (cells.length - shift));
            }
            if (rowNumbered == null) {
                rowNumbered = isInteger(cells[0]);
            }
            Instant t = rowNumbered ? parseRowNumber(file, lineNo, cells[0]) : parseTime(file, lineNo, cells[0]);
            if (!times.isEmpty() && !t.isAfter(times.getLast())) {
                throw new CsvFormatException(file, lineNo, 1, "time '" + cells[0] + "' is not after the previous row's");
            }
            times.add(t);
            double[] values = new double[header.length - 1];
            for (int c = 1; c < cells.length; c++) {
                values[c - 1] = parseNumber(file, lineNo, c + 1 - shift, header[c], cells[c]);
            }
            rows.add(values);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            double[] col = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                col[r] = rows.get(r)[c - 1];
            }
            columns.put(header[c], col);
        }
        return TimeSeriesTable.create(times, columns, !Boolean.TRUE.equals(rowNumbered));
    }

    private static String[] withIndex(String[] cells, boolean indexed, String index) {
        if (indexed) {
            return cells;
        }
        String[] out = new String[cells.length + 1];
        out[0] = index;
        System.arraycopy(cells, 0, out, 1, cells.length);
        return out;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            // Quotes are tolerated around a whole cell; embedded commas are not supported in numeric files.
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).strip();
            }
            cells[i] = c;
        }
        return cells;
    }

    private static boolean isInteger(String s) {
        return s.matches("-?\\d+");
    }

    private static Instant parseRowNumber(Path file, int line, String cell) throws CsvFormatException {
        if (!isInteger(cell)) {
            throw new CsvFormatException(file, line, 1, "expected a row number like the first data row, got '" + cell + "'");
        }
        return Instant.ofEpochSecond(Long.parseLong(cell));
    }

    private static Instant parseTime(Path file, int line, String cell) throws CsvFormatException {
        try {
            return Instant.parse(cell);
        } catch (DateTimeParseException ignored) {
            // fall through to the other ISO-8601 shapes
        }
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDateTime.parse(cell).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDate.parse(cell).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new CsvFormatException(file, line, 1, "'" + cell + "' is neither an ISO-8601 time nor a row number");
        }
    }

    private static double parseNumber(Path file, int line, int column, String name, String cell) throws CsvFormatException {
        if (cell.isEmpty() || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("na")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(file, line, column, "column '" + name + "': '" + cell + "' is not a number");
        }
    }
}
