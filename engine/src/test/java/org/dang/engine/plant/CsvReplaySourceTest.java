package org.dang.engine.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.situation.Quality;

class CsvReplaySourceTest {

    @TempDir
    Path dir;

    static final String TAGS = """
            tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband
            feed_rate,Crude feed,bbl/d,0,150000,,60000,,,MEDIUM,500
            coil_outlet_temp,"Furnace coil outlet temperature, pass average",degC,250,420,,335,380,385,HIGH,1
            """;

    /** Collects what a source delivers. */
    static final class Collector implements PlantDataListener {
        final List<PlantScan> scans = new CopyOnWriteArrayList<>();
        final List<DataProblem> problems = new CopyOnWriteArrayList<>();

        @Override
        public void scan(PlantScan scan) {
            scans.add(scan);
        }

        @Override
        public void problem(DataProblem problem) {
            problems.add(problem);
        }
    }

    private Path tags() throws IOException {
        return Files.writeString(dir.resolve("tags.csv"), TAGS);
    }

    private static void awaitScans(Collector c, int n) throws InterruptedException {
        for (int i = 0; i < 400 && c.scans.size() < n; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    @Test
    void tagFileIsReadWithLimitsAndQuotedDescriptions() throws IOException {
        List<TagDefinition> defs = TagFile.read(tags());
        assertEquals(2, defs.size());
        TagDefinition cot = defs.get(1);
        assertEquals("Furnace coil outlet temperature, pass average", cot.description());
        assertEquals(380.0, cot.alarms().hi());
        assertEquals(385.0, cot.alarms().hiHi());
        assertEquals(335.0, cot.alarms().lo());
        assertNull(cot.alarms().loLo());
        assertEquals(AlertPriority.HIGH, cot.alarms().priority());
        assertTrue(cot.inRange(360) && !cot.inRange(421));
    }

    @Test
    void badTagFilesNameFileLineAndColumn() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), TAGS.replace("250,420", "250,hot"));
        IOException e = assertThrows(IOException.class, () -> TagFile.read(f));
        assertTrue(e.getMessage().endsWith("bad.csv:3: column high must be a finite number, not 'hot'"), e.getMessage());
        Path dup = Files.writeString(dir.resolve("dup.csv"), TAGS + "feed_rate,again,bbl/d,0,1,,,,,,\n");
        assertTrue(assertThrows(IOException.class, () -> TagFile.read(dup)).getMessage()
                .contains("dup.csv:4: tag feed_rate is defined twice"));
    }

    @Test
    void replaysGzippedHistoryAndFlagsEveryKindOfBadRow() throws Exception {
        String csv = """
                time,feed_rate,coil_outlet_temp,mystery_tag
                2026-10-01T00:00:00Z,100000,360.5,1
                2026-10-01T00:01:00Z,100100,NaN,2
                2026-10-01T00:02:00Z,100200,warm,3
                2026-10-01T00:01:30Z,100300,361,4
                2026-10-01T00:03:00Z,100400
                yesterday,100500,362,5
                2026-10-01T00:04:00Z,,363,6
                """;
        Path gz = dir.resolve("history.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Collector c = new Collector();
        try (CsvReplaySource src = new CsvReplaySource(gz, tags(), new CsvReplaySource.Options(0, false))) {
            src.start(c);
            awaitScans(c, 4);
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertEquals(4, c.scans.size(), "rows 2, 3, 4 and 8 are delivered");
        PlantScan second = c.scans.get(1);
        assertEquals(Quality.MISSING, second.samples().get(1).quality());
        assertEquals(Quality.BAD, c.scans.get(2).samples().get(1).quality());
        assertEquals(Quality.BAD, c.scans.getFirst().samples().get(2).quality(), "unknown column is BAD");
        assertEquals(Quality.MISSING, c.scans.get(3).samples().getFirst().quality());
        List<String> problems = c.problems.stream().map(DataProblem::toString).toList();
        assertTrue(problems.contains("history.csv.gz:1 [mystery_tag]: column is not in the tag file; its values are"
                + " delivered with quality BAD"), problems.toString());
        assertTrue(problems.contains("history.csv.gz:3 [coil_outlet_temp]: no value (NaN); sample flagged MISSING"));
        assertTrue(problems.contains("history.csv.gz:4 [coil_outlet_temp]: 'warm' is not a number; sample flagged BAD"));
        assertTrue(problems.contains("history.csv.gz:5: time 2026-10-01T00:01:30Z is not after the previous row's"
                + " 2026-10-01T00:02:00Z; row skipped"), problems.toString());
        assertTrue(problems.contains("history.csv.gz:6: expected 4 cells, found 2; row skipped"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("history.csv.gz:7: time 'yesterday' is not")));
        assertTrue(problems.contains("history.csv.gz:8 [feed_rate]: no value (empty); sample flagged MISSING"));
    }

    @Test
    void loopingKeepsTimeIncreasingAndPacingFollowsTheSpeed() throws Exception {
        Path csv = Files.writeString(dir.resolve("h.csv"), """
                time,feed_rate,coil_outlet_temp
                2026-10-01T00:00:00Z,100000,360
                2026-10-01T00:01:00Z,100001,361
                """);
        Collector c = new Collector();
        long t0 = System.nanoTime();
        try (CsvReplaySource src = new CsvReplaySource(csv, tags(), new CsvReplaySource.Options(600, true))) {
            src.start(c);
            awaitScans(c, 5);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(c.scans.size() >= 5);
        assertEquals(Instant.parse("2026-10-01T00:02:00Z"), c.scans.get(2).time(), "second loop starts one step later");
        assertEquals(Instant.parse("2026-10-01T00:03:00Z"), c.scans.get(3).time());
        // 600x: one recorded minute per 100 ms, so five scans need at least ~200 ms (loop restarts are immediate).
        assertTrue(elapsedMs >= 150, "elapsed " + elapsedMs + " ms");
    }

    @Test
    void tagStoreKeepsTheNewestSamplesAndCopiesWindows() {
        TagStore store = new TagStore(5);
        Instant t = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 8; i++) {
            store.append(new PlantScan(t.plusSeconds(60L * i), List.of(new TagSample("x", t.plusSeconds(60L * i), i,
                    Quality.GOOD))));
        }
        store.append(new PlantScan(t, List.of(new TagSample("x", t, -1, Quality.GOOD)))); // out of order: ignored
        assertEquals(7.0, store.latest("x").orElseThrow().value());
        TagSeries all = store.series("x", null, null);
        assertEquals(5, all.size());
        assertEquals(3.0, all.values()[0]);
        TagSeries window = store.series("x", t.plusSeconds(240), t.plusSeconds(360));
        assertEquals(2, window.size());
        assertEquals(4.0, window.values()[0]);
        assertEquals(0, store.series("nope", null, null).size());
    }
}
