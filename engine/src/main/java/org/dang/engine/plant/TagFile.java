package org.dang.engine.plant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dang.engine.csv.CsvLine;
import org.dang.engine.decision.AlertPriority;

/**
 * Reads a tag file: {@code tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband}, one
 * tag per line, empty cells for limits that do not apply. Every error names file, line and column.
 */
public final class TagFile {

    static final List<String> HEADER = List.of("tag", "description", "unit", "low", "high", "lolo", "lo", "hi",
            "hihi", "priority", "deadband");

    private TagFile() {
    }

    /** The tag definitions in {@code file}, in file order. */
    public static List<TagDefinition> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty tag file; expected the header " + String.join(",", HEADER));
        }
        List<String> header = CsvLine.split(lines.getFirst()).stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw new IOException(file + ":1: header must be " + String.join(",", HEADER) + " but is "
                    + String.join(",", header));
        }
        List<TagDefinition> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            List<String> cells = CsvLine.split(line);
            if (cells.size() != HEADER.size()) {
                throw new IOException(where + ": expected " + HEADER.size() + " cells, found " + cells.size());
            }
            String tag = cells.get(0).strip();
            if (tag.isEmpty()) {
                throw new IOException(where + ": empty tag name");
            }
            if (!seen.add(tag)) {
                throw new IOException(where + ": tag " + tag + " is defined twice");
            }
            try {
                AlarmLimits limits = new AlarmLimits(optional(cells, 5, where), optional(cells, 6, where),
                        optional(cells, 7, where), optional(cells, 8, where), priority(cells.get(9), where),
                        cells.get(10).isBlank() ? 0 : number(cells, 10, where));
                tags.add(new TagDefinition(tag, cells.get(1).strip(), cells.get(2).strip(), number(cells, 3, where),
                        number(cells, 4, where), limits));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
        }
        return tags;
    }

    private static Double optional(List<String> cells, int col, String where) throws IOException {
        return cells.get(col).isBlank() ? null : number(cells, col, where);
    }

    private static double number(List<String> cells, int col, String where) throws IOException {
        String s = cells.get(col).strip();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IOException(where + ": column " + HEADER.get(col) + " must be a finite number, not '" + s + "'");
        }
    }

    private static AlertPriority priority(String cell, String where) throws IOException {
        String s = cell.strip().toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return AlertPriority.LOW;
        }
        try {
            return AlertPriority.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": column priority must be CRITICAL, HIGH, MEDIUM or LOW, not '" + cell + "'");
        }
    }
}
