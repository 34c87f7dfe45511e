package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history folder round-trips: gzip CSV with a row per minute, tags, labels, schedule, README. */
class CduHistoryWriterTest {

    @TempDir
    Path dir;

    private static List<String> gunzip(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    /** One event of every kind within the first day. */
    private static EventSchedule everyKind() {
        return EventSchedule.of(
                new CrudeSwitch(CduFixtures.at(100), CduFixtures.at(340), "light_sweet", "tank T-201, say"),
                new FurnaceFouling(CduFixtures.at(0), CduFixtures.at(1400), 0.1, ""),
                new PumpDegradation(CduFixtures.at(200), CduFixtures.at(400), 0.2, ""),
                new PreheatDegradation(CduFixtures.at(300), CduFixtures.at(900), 0.05, ""),
                new FeedUpset(CduFixtures.at(500), CduFixtures.at(520), FeedUpset.Shape.PULSE, -10_000, ""),
                new FeedUpset(CduFixtures.at(600), CduFixtures.at(660), FeedUpset.Shape.STEP, -5_000, ""),
                new SensorFault(CduFixtures.at(700), CduFixtures.at(760), CduTag.TOP_PRESSURE, FaultMode.FLATLINE, 0, ""),
                new SensorFault(CduFixtures.at(700), CduFixtures.at(760), CduTag.TUBE_METAL_TEMP, FaultMode.SPIKE, 30, ""),
                new SensorFault(CduFixtures.at(800), CduFixtures.at(900), CduTag.TOP_TEMP, FaultMode.DRIFT, -4, ""),
                new SensorFault(CduFixtures.at(950), CduFixtures.at(970), CduTag.FEED_RATE, FaultMode.DROPOUT, 0, ""),
                new SensorFault(CduFixtures.at(1000), CduFixtures.at(1100), CduTag.COIL_OUTLET_TEMP, FaultMode.STUCK, 0, ""),
                new Maintenance(CduFixtures.at(1200), CduFixtures.at(1300), Equipment.FEED_PUMP, 0.85, ""),
                new FurnaceFouling(CduFixtures.at(2000), CduFixtures.at(3000), 0.1, "after the end: no label"));
    }

    @Test
    void oneDayRoundTrips() throws IOException {
        CduHistoryWriter.Result r = CduHistoryWriter.write(dir, 42, 1, everyKind());
        assertEquals(1440, r.rows());

        List<String> history = gunzip(dir.resolve(CduHistoryWriter.HISTORY));
        List<String> header = Arrays.asList(history.getFirst().split(","));
        assertEquals("time", header.getFirst());
        assertEquals(Arrays.stream(CduTag.values()).map(CduTag::tag).toList(), header.subList(1, header.size()));
        assertEquals(1 + 1440, history.size());
        assertTrue(header.size() >= 25 && header.size() <= 35, "tag count " + header.size());

        String[] first = history.get(1).split(",", -1);
        String[] last = history.getLast().split(",", -1);
        assertEquals(CduFixtures.T0, Instant.parse(first[0]));
        assertEquals(CduFixtures.at(1439), Instant.parse(last[0]));
        assertEquals(header.size(), first.length);
        assertEquals(95_000, Double.parseDouble(last[1]), 2_000, "feed after the -5000 step");
        assertEquals("", history.get(1 + 955).split(",", -1)[1], "dropout is an empty cell");
        assertEquals("0.000", history.get(1 + 720).split(",", -1)[header.indexOf("top_pressure")]);

        List<String> tags = Files.readAllLines(dir.resolve(CduHistoryWriter.TAGS));
        assertEquals(CduHistoryWriter.TAGS_HEADER, tags.getFirst());
        assertEquals(CduTag.values().length + 1, tags.size());
        assertTrue(tags.contains("tube_metal_temp,\"Furnace tube-metal temperature, hottest radiant skin point\",degC,"
                + "0,800,,,630,645,HIGH,3"), tags.toString());

        List<String> labels = Files.readAllLines(dir.resolve(CduHistoryWriter.LABELS));
        assertEquals(CduHistoryWriter.LABELS_HEADER, labels.getFirst());
        assertEquals(12 + 1, labels.size(), "one label per event started within the day");
        List<String> kinds = labels.subList(1, labels.size()).stream().map(l -> Csv.split(l).get(2)).sorted().toList();
        List<String> expected = new ArrayList<>(Arrays.stream(EventKind.values()).map(Enum::name).toList());
        assertEquals(expected.stream().sorted().toList(), kinds);
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("2026-11-01T11:40:00Z,2026-11-01T12:40:00Z,SENSOR_SPIKE,"
                + "tube_metal_temp,")), labels.toString());

        assertEquals(everyKind(), EventSchedule.read(dir.resolve(CduHistoryWriter.SCHEDULE)));
        String readme = Files.readString(dir.resolve(CduHistoryWriter.README));
        assertTrue(readme.contains("./dang simulate --days 1 --seed 42 --out sample-plant-data/cdu"), readme);
        assertTrue(readme.contains("`tube_metal_temp`"));
    }

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        CduHistoryWriter.write(dir.resolve("a"), 9, 1, SampleMonth.schedule(CduFixtures.T0));
        CduHistoryWriter.write(dir.resolve("b"), 9, 1, SampleMonth.schedule(CduFixtures.T0));
        for (String f : List.of(CduHistoryWriter.HISTORY, CduHistoryWriter.TAGS, CduHistoryWriter.LABELS,
                CduHistoryWriter.README)) {
            assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void fixedDecimalsRoundLikeTheTagSays() {
        StringBuilder sb = new StringBuilder();
        CduHistoryWriter.appendFixed(sb, 521.349, 1);
        sb.append('|');
        CduHistoryWriter.appendFixed(sb, -0.004, 2);
        sb.append('|');
        CduHistoryWriter.appendFixed(sb, -1.5051, 2);
        sb.append('|');
        CduHistoryWriter.appendFixed(sb, 1.0055, 3);
        sb.append('|');
        CduHistoryWriter.appendFixed(sb, 99_999.6, 0);
        sb.append('|');
        CduHistoryWriter.appendFixed(sb, Double.NaN, 2);
        assertEquals("521.3|0.00|-1.51|1.006|100000|", sb.toString());
    }
}
