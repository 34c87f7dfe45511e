package org.dang.engine.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads whitespace-separated numeric matrices such as the Tennessee Eastman .dat files.
 *
 * <p>Orientation: a file with the expected number of values per line is one observation per line.
 * A file with exactly that many lines and another width stores one tag per line (the TEP d00.dat
 * quirk) and is transposed. Anything else is an error naming the shape found.
 */
public final class DataTableReader {

    private DataTableReader() {
    }

    /** Reads {@code file}, expecting {@code tags} tags per observation. */
    public static DataTable read(Path file, int tags) {
        List<double[]> rows = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String text;
            long line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                rows.add(parse(file, line, trimmed));
                lineNumbers.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, 0, "file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFileException(file, 0, 0, "not a plain ASCII text file");
        } catch (IOException e) {
            throw new DataFileException(file, 0, 0, "cannot read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file, 0, 0, "no data");
        }
        int width = rows.getFirst().length;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).length != width) {
                throw new DataFileException(file, lineNumbers.get(i), 0, rows.get(i).length + " values, but line "
                        + lineNumbers.getFirst() + " has " + width);
            }
        }
        Matrix m = Matrix.of(rows.toArray(double[][]::new));
        if (width == tags) {
            return new DataTable(file, m, false);
        }
        if (rows.size() == tags) {
            return new DataTable(file, m.transpose(), true);
        }
        throw new DataFileException(file, 0, 0, "expected " + tags + " columns (one observation per line) or " + tags
                + " lines (one tag per line), found " + rows.size() + " lines of " + width + " values");
    }

    private static double[] parse(Path file, long line, String text) {
        String[] cells = text.split("[\\s,;]+");
        double[] v = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            try {
                v[c] = Double.parseDouble(cells[c]);
            } catch (NumberFormatException e) {
                throw new DataFileException(file, line, c + 1, "not a number: '" + cells[c] + "'");
            }
            if (!Double.isFinite(v[c])) {
                throw new DataFileException(file, line, c + 1, "not a finite number: '" + cells[c] + "'");
            }
        }
        return v;
    }
}
