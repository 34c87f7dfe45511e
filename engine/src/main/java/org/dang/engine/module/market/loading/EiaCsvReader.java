package org.dang.engine.module.market.loading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dang.engine.csv.CsvFormatException;
import org.dang.engine.csv.CsvLine;

/**
 * Reads EIA series from a CSV file in any of the layouts EIA data comes in: the converted files
 * ({@code date,KEY1,KEY2}), data packages ({@code Date,Price}) and EIA's own download
 * ({@code Week of,<long name>} after a few lines of preamble, US dates, newest first). The header
 * is the line before the first line that starts with a date; a column is found by its EIA key or
 * one of the given names, or taken as the only value column. Rows may come in any order; a date
 * given twice keeps the last row in the file. Blank, {@code NA}, {@code --} and {@code .} cells
 * are no observation; anything else that is not a finite number is an error naming file, line and
 * column. Negative values are kept (WTI settled at -36.98 $/bbl on 2020-04-20).
 */
public final class EiaCsvReader {

    private static final Set<String> BLANK = Set.of("", "na", "n/a", "--", ".", "w", "nm");

    private EiaCsvReader() {
    }

    /** A series wanted from a file: its id and other names its column may have. */
    public record Column(SeriesId id, List<String> names) {
        public Column {
            names = List.copyOf(names);
        }

        /** A column found by its EIA key only. */
        public static Column of(SeriesId id) {
            return new Column(id, List.of());
        }
    }

    /** Reads {@code columns} from {@code file}. */
    public static Map<SeriesId, MarketSeries> read(Path file, List<Column> columns) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CsvFormatException(file, 0, 0, "cannot read: " + e.getMessage());
        }
        return parse(file, lines, columns);
    }

    static Map<SeriesId, MarketSeries> parse(Path file, List<String> lines, List<Column> columns)
            throws CsvFormatException {
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (!line.isBlank() && date(firstCell(line)) != null) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            throw new CsvFormatException(file, 0, 0, "no data row (no line starts with a date)");
        }
        int headerLine = first - 1;
        while (headerLine >= 0 && strip(lines.get(headerLine)).isBlank()) {
            headerLine--;
        }
        if (headerLine < 0) {
            throw new CsvFormatException(file, first + 1, 1, "no header line before the first data row");
        }
        List<String> header = CsvLine.split(strip(lines.get(headerLine)));
        int[] index = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            index[c] = find(header, columns.get(c), columns.size());
            if (index[c] < 0) {
                throw new CsvFormatException(file, headerLine + 1, 0, "no column for " + columns.get(c).id().eiaKey()
                        + (columns.get(c).names().isEmpty() ? "" : " (or " + columns.get(c).names() + ")")
                        + " in header " + header);
            }
        }
        int rows = lines.size() - first;
        long[] days = new long[rows];
        double[][] values = new double[columns.size()][rows];
        int n = 0;
        for (int i = first; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = CsvLine.split(line);
            LocalDate d = date(cells.getFirst());
            if (d == null) {
                throw new CsvFormatException(file, i + 1, 1, "'" + cells.getFirst() + "' is not a date"
                        + " (expected YYYY-MM-DD or MM/DD/YYYY)");
            }
            for (int k = header.size(); k < cells.size(); k++) {
                if (!cells.get(k).isBlank()) {
                    throw new CsvFormatException(file, i + 1, k + 1, "row has " + cells.size() + " cells but the"
                            + " header has " + header.size());
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                int col = index[c];
                if (col >= cells.size()) {
                    throw new CsvFormatException(file, i + 1, cells.size() + 1, "row has " + cells.size()
                            + " cells; no value for " + header.get(col) + " (column " + (col + 1) + ")");
                }
                values[c][n] = number(file, i + 1, col + 1, cells.get(col));
            }
            days[n] = d.toEpochDay();
            n++;
        }
        // Sort rows by date, keeping file order among equal dates (so the last row wins below).
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        final long[] dayOf = days;
        Arrays.sort(sorted, (a, b) -> a.equals(b) ? 0 : dayOf[a] != dayOf[b] ? Long.compare(dayOf[a], dayOf[b])
                : Integer.compare(a, b));
        Map<SeriesId, MarketSeries> out = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            out.put(columns.get(c).id(), series(file, columns.get(c).id(), sorted, days, values[c]));
        }
        return out;
    }

    private static MarketSeries series(Path file, SeriesId id, Integer[] sorted, long[] days, double[] raw) {
        long[] d = new long[sorted.length];
        double[] v = new double[sorted.length];
        int n = 0;
        int duplicates = 0;
        int conflicts = 0;
        int blanks = 0;
        long lastDay = Long.MIN_VALUE;
        for (Integer row : sorted) {
            double value = raw[row];
            if (Double.isNaN(value)) {
                blanks++;
                continue;
            }
            if (n > 0 && days[row] == lastDay) {
                if (Double.compare(v[n - 1], value) == 0) {
                    duplicates++;
                } else {
                    conflicts++;
                    v[n - 1] = value;
                }
                continue;
            }
            d[n] = days[row];
            v[n] = value;
            lastDay = days[row];
            n++;
        }
        int gaps = 0;
        if (id.cadence() == Cadence.WEEKLY) {
            for (int i = 1; i < n; i++) {
                long step = d[i] - d[i - 1];
                if (step > 7) {
                    gaps += (int) ((step - 1) / 7);
                }
            }
        }
        return new MarketSeries(id, file, new Observations(Arrays.copyOf(d, n), Arrays.copyOf(v, n)),
                new SeriesNotes(duplicates, conflicts, blanks, gaps));
    }

    private static int find(List<String> header, Column column, int wanted) {
        for (int k = 1; k < header.size(); k++) {
            String h = header.get(k).strip();
            if (h.equalsIgnoreCase(column.id().eiaKey())) {
                return k;
            }
            for (String name : column.names()) {
                if (h.equalsIgnoreCase(name) || h.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }
        // A file with a single value column holds the single series asked for, whatever its header says.
        return wanted == 1 && header.size() == 2 ? 1 : -1;
    }

    /** Parses a value cell; NaN for no observation. */
    private static double number(Path file, int line, int column, String cell) throws CsvFormatException {
        String s = cell.strip();
        if (BLANK.contains(s.toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(file, line, column, "'" + cell + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new CsvFormatException(file, line, column, "'" + cell + "' is not a finite number");
        }
        return v;
    }

    /** Parses ISO (2020-04-20) and US (4/20/2020, 04/20/2020) dates; null when the cell is not a date. */
    static LocalDate date(String cell) {
        String s = cell.strip();
        try {
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                return LocalDate.parse(s);
            }
            String[] p = s.split("/");
            if (p.length == 3 && p[2].length() == 4) {
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String firstCell(String line) {
        List<String> cells = CsvLine.split(line);
        return cells.getFirst();
    }

    private static String strip(String line) {
        // A byte-order mark or a CR left by CRLF line endings is not part of the data.
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
