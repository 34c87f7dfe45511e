package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.csv.CsvFormatException;
import org.junit.jupiter.api.io.TempDir;

class ForecastCsvTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("series.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsIsoTimesAndKeepsMissingCellsAsNaN() throws IOException {
        TimeSeriesTable t = TimeSeriesCsv.read(write(
                "time,temp,flow\n2026-01-01T00:00:00Z,1.5,10\n2026-01-01T01:00:00,,11\n2026-01-01T02:00:00+00:00,2.5,NaN\n"));
        assertTrue(t.timeIndexed());
        assertEquals(List.of("temp", "flow"), t.columnNames());
        assertEquals(3, t.rows());
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), t.time(1));
        assertTrue(Double.isNaN(t.value("temp", 1)));
        assertTrue(Double.isNaN(t.value("flow", 2)));
        assertEquals(2.5, t.value("temp", 2));
    }

    @Test
    void readsRowNumbers() throws IOException {
        TimeSeriesTable t = TimeSeriesCsv.read(write("row,y\n0,1\n1,2\n2,3\n"));
        assertFalse(t.timeIndexed());
        assertEquals(3.0, t.value("y", 2));
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        Path p = write("time,a,b\n0,1,2\n1,3,oops\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> TimeSeriesCsv.read(p));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().startsWith(p + ":3:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("oops"), e.getMessage());
    }

    @Test
    void badTimeShortRowAndTimeOrderAreReported() throws IOException {
        CsvFormatException time = assertThrows(CsvFormatException.class,
                () -> TimeSeriesCsv.read(write("time,a\n2026-01-01T00:00:00Z,1\nyesterday,2\n")));
        assertEquals(3, time.line());
        assertEquals(1, time.column());
        CsvFormatException shortRow = assertThrows(CsvFormatException.class,
                () -> TimeSeriesCsv.read(write("time,a,b\n0,1,2\n1,3\n")));
        assertEquals(3, shortRow.line());
        assertEquals(3, shortRow.column());
        CsvFormatException order = assertThrows(CsvFormatException.class,
                () -> TimeSeriesCsv.read(write("t,a\n0,1\n2,1\n1,1\n")));
        assertEquals(4, order.line());
        CsvFormatException dup = assertThrows(CsvFormatException.class,
                () -> TimeSeriesCsv.read(write("t,a,a\n0,1,1\n")));
        assertEquals(1, dup.line());
        assertEquals(3, dup.column());
    }
}
