package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the TEP layouts and reporting bad files precisely. */
class MonitorReaderTest {

    @TempDir
    Path tmp;

    @Test
    void transposedNormalFileIsTurnedIntoObservations() {
        DataTable d00 = TennesseeEastman.read(MonitorTestData.tep(0));
        assertTrue(d00.transposed());
        assertEquals(500, d00.values().rows());
        assertEquals(52, d00.values().cols());
        // Our derived copy is the same numbers already one observation per line.
        DataTable derived = TennesseeEastman.read(MonitorTestData.tep().resolve("derived/d00_transposed_500x52.dat"));
        assertFalse(derived.transposed());
        assertEquals(0.0, d00.values().maxAbsDifference(derived.values()));
        // First observation: XMEAS(1) = A feed about 0.25 kscmh, XMEAS(7) reactor pressure about 2705 kPa.
        assertEquals(0.25, d00.values().get(0, 0), 0.03);
        assertEquals(2705, d00.values().get(0, 6), 20);
    }

    @Test
    void faultFileIsOneObservationPerLine() {
        DataTable d01 = TennesseeEastman.read(MonitorTestData.tep(1));
        assertFalse(d01.transposed());
        assertEquals(480, d01.values().rows());
        assertEquals(52, d01.values().cols());
        assertEquals(0.23766, d01.values().get(0, 0), 1e-12);
    }

    @Test
    void testSetLayoutOf960RowsIsRead() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 960; i++) {
            for (int j = 0; j < 52; j++) {
                sb.append(String.format(java.util.Locale.ROOT, "%16.7e", i + j / 100.0));
            }
            sb.append('\n');
        }
        Path f = Files.writeString(tmp.resolve("d05_te.dat"), sb);
        DataTable t = TennesseeEastman.read(f);
        assertEquals(960, t.values().rows());
        assertEquals(959.51, t.values().get(959, 51), 1e-9);
        assertEquals(OptionalInt.of(5), TennesseeEastman.faultNumber(f));
    }

    @Test
    void faultNumbersComeFromTheFileName() {
        assertEquals(OptionalInt.of(1), TennesseeEastman.faultNumber(Path.of("x/d01.dat")));
        assertEquals(OptionalInt.of(21), TennesseeEastman.faultNumber(Path.of("d21_te.dat")));
        assertEquals(OptionalInt.of(0), TennesseeEastman.faultNumber(Path.of("d00.dat")));
        assertEquals(OptionalInt.empty(), TennesseeEastman.faultNumber(Path.of("fault1.dat")));
        assertEquals("XMEAS(1)", TennesseeEastman.tagNames().getFirst());
        assertEquals("XMV(11)", TennesseeEastman.tagNames().getLast());
    }

    @Test
    void missingFileIsNamed() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> TennesseeEastman.read(tmp.resolve("nope.dat")));
        assertTrue(e.getMessage().contains("nope.dat") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void wrongColumnCountIsReportedWithTheShape() throws IOException {
        Path f = Files.writeString(tmp.resolve("d01.dat"), "1 2 3\n4 5 6\n");
        DataFileException e = assertThrows(DataFileException.class, () -> TennesseeEastman.read(f));
        assertTrue(e.getMessage().contains("expected 52 columns") && e.getMessage().contains("2 lines of 3 values"),
                e.getMessage());
    }

    @Test
    void raggedLineIsReportedWithItsNumber() throws IOException {
        Path f = Files.writeString(tmp.resolve("d02.dat"), "1 2 3\n\n4 5 6\n7 8\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DataTableReader.read(f, 3));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("d02.dat:4") && e.getMessage().contains("2 values"), e.getMessage());
    }

    @Test
    void nonNumericCellIsReportedWithLineAndColumn() throws IOException {
        Path f = Files.writeString(tmp.resolve("d03.dat"), "1 2 3\n4 abc 6\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DataTableReader.read(f, 3));
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("d03.dat:2 column 2") && e.getMessage().contains("'abc'"), e.getMessage());
        Path nan = Files.writeString(tmp.resolve("d04.dat"), "1 NaN 3\n");
        assertEquals(2, assertThrows(DataFileException.class, () -> DataTableReader.read(nan, 3)).column());
    }
}
