package org.dang.engine.monitor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

class TagQualityMonitorTest {

    private static final Instant T0 = Instant.parse("2026-11-24T04:00:00Z");
    private static final TagDefinition TEMP =
            new TagDefinition("TI-101", "crude tower top temperature", "degC", 0, 400, null);
    private static final TagDefinition VALVE =
            new TagDefinition("FV-204", "reflux valve position", "%", 0, 100, null);

    /** Feeds the scans through the monitor and returns every judged scan, the flushed last one included. */
    private static List<QualifiedScan> run(TagQualityMonitor monitor, List<PlantScan> scans) {
        List<QualifiedScan> out = new ArrayList<>();
        for (PlantScan s : scans) {
            monitor.accept(s).ifPresent(out::add);
        }
        monitor.flush().ifPresent(out::add);
        return out;
    }

    private static List<PlantScan> series(String tag, double[] values) {
        List<PlantScan> scans = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant t = T0.plusSeconds(i);
            scans.add(new PlantScan(t, List.of(new TagSample(tag, t, values[i], Quality.GOOD))));
        }
        return scans;
    }

    private static List<Quality> qualities(List<QualifiedScan> scans, String tag) {
        return scans.stream().map(s -> s.scan().samples().stream().filter(x -> x.tag().equals(tag)).findFirst()
                .orElseThrow().quality()).toList();
    }

    private static double[] noisy(int n, double level, double noise, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level + noise * r.nextGaussian();
        }
        return v;
    }

    private static TagQualityMonitor monitor(TagDefinition... tags) {
        return new TagQualityMonitor(List.of(tags), QualityConfig.defaults());
    }

    @Test
    void eachScanLeavesOneScanLateAndFlushReleasesTheLast() {
        TagQualityMonitor m = monitor(TEMP);
        List<PlantScan> in = series("TI-101", new double[] {100, 101});
        assertTrue(m.accept(in.get(0)).isEmpty());
        assertEquals(in.get(0).time(), m.accept(in.get(1)).orElseThrow().scan().time());
        assertEquals(in.get(1).time(), m.flush().orElseThrow().scan().time());
        assertTrue(m.flush().isEmpty());
    }

    @Test
    void cleanNoisySignalIsGood() {
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", noisy(300, 200, 0.5, 1))), "TI-101");
        assertEquals(300, q.size());
        assertTrue(q.stream().allMatch(x -> x == Quality.GOOD), q.toString());
    }

    @Test
    void timestampThatStopsAdvancingGoesStaleAfterTheConfiguredTime() {
        List<PlantScan> scans = new ArrayList<>();
        Instant frozen = T0.plusSeconds(10);
        for (int i = 0; i <= 80; i++) {
            Instant scanTime = T0.plusSeconds(i);
            Instant sampleTime = i <= 10 ? scanTime : frozen; // the transmitter stops updating at 10 s
            scans.add(new PlantScan(scanTime, List.of(new TagSample("TI-101", sampleTime, 150 + i % 3,
                    Quality.GOOD))));
        }
        List<Quality> q = qualities(run(monitor(TEMP), scans), "TI-101");
        assertEquals(Quality.GOOD, q.get(70), "60 s old is not yet stale");
        assertEquals(Quality.STALE, q.get(71), "61 s old is stale");
        assertEquals(Quality.STALE, q.get(80));
    }

    @Test
    void nanAndAbsentTagAreMissing() {
        Instant t1 = T0.plusSeconds(1);
        Instant t2 = T0.plusSeconds(2);
        List<PlantScan> scans = List.of(
                new PlantScan(T0, List.of(new TagSample("TI-101", T0, 100, Quality.GOOD))),
                new PlantScan(t1, List.of(new TagSample("TI-101", t1, Double.NaN, Quality.GOOD))),
                new PlantScan(t2, List.of()));
        List<QualifiedScan> out = run(monitor(TEMP), scans);
        assertEquals(List.of(Quality.GOOD, Quality.MISSING, Quality.MISSING), qualities(out, "TI-101"));
        TagSample absent = out.get(2).scan().samples().getFirst();
        assertTrue(Double.isNaN(absent.value()));
        assertEquals(t2, absent.time());
    }

    @Test
    void identicalValueForThirtySamplesIsFlatline() {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 5 ? 100 + i : 112.5;
        }
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", v)), "TI-101");
        assertEquals(Quality.GOOD, q.get(33), "29 identical samples (5..33) are not a flat line yet");
        assertEquals(Quality.FLATLINE, q.get(34), "the 30th identical sample is");
        assertEquals(Quality.FLATLINE, q.get(39));
    }

    @Test
    void flatlineCountIsConfigurablePerTagType() {
        QualityConfig config = new QualityConfig(QualityThresholds.defaults(),
                Map.of("%", QualityThresholds.defaults().withFlatlineSamples(120)),
                Map.of("TI-101", QualityThresholds.defaults().withFlatlineSamples(5)));
        double[] still = new double[40];
        java.util.Arrays.fill(still, 42.0);
        List<PlantScan> scans = new ArrayList<>();
        for (int i = 0; i < still.length; i++) {
            Instant t = T0.plusSeconds(i);
            scans.add(new PlantScan(t, List.of(new TagSample("TI-101", t, still[i], Quality.GOOD),
                    new TagSample("FV-204", t, still[i], Quality.GOOD))));
        }
        List<QualifiedScan> out = run(new TagQualityMonitor(List.of(TEMP, VALVE), config), scans);
        assertEquals(Quality.GOOD, qualities(out, "TI-101").get(3));
        assertEquals(Quality.FLATLINE, qualities(out, "TI-101").get(4));
        assertTrue(qualities(out, "FV-204").stream().allMatch(x -> x == Quality.GOOD),
                "a valve sitting still for 40 s is normal with 120 samples configured for %");
    }

    @Test
    void valueOutsideThePhysicalRangeIsOutOfRange() {
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", new double[] {399, 401, -0.5, 0})),
                "TI-101");
        assertEquals(List.of(Quality.GOOD, Quality.OUT_OF_RANGE, Quality.OUT_OF_RANGE, Quality.GOOD), q);
    }

    @Test
    void oneSampleJumpThatRevertsIsSpike() {
        double[] v = noisy(120, 200, 0.5, 2);
        v[80] = 215; // 30 robust sigmas up, back at the next sample
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", v)), "TI-101");
        for (int i = 0; i < q.size(); i++) {
            assertEquals(i == 80 ? Quality.SPIKE : Quality.GOOD, q.get(i), "sample " + i);
        }
    }

    @Test
    void downwardSpikeOnATrendIsSpike() {
        double[] v = noisy(120, 0, 0.2, 3);
        for (int i = 0; i < v.length; i++) {
            v[i] += 100 + 0.5 * i; // rising 0.5 per sample
        }
        v[60] -= 10;
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", v)), "TI-101");
        assertEquals(Quality.SPIKE, q.get(60));
        assertEquals(1, q.stream().filter(x -> x != Quality.GOOD).count(), q.toString());
    }

    @Test
    void genuineStepChangeIsNoSpike() {
        double[] v = noisy(200, 200, 0.5, 4);
        for (int i = 100; i < v.length; i++) {
            v[i] += 20; // a set-point change: the value jumps and stays
        }
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", v)), "TI-101");
        assertTrue(q.stream().allMatch(x -> x == Quality.GOOD), q.toString());
    }

    @Test
    void jumpOnTheLastScanIsNoSpikeBecauseNothingShowsItReverted() {
        double[] v = noisy(50, 200, 0.5, 5);
        v[49] = 230;
        List<Quality> q = qualities(run(monitor(TEMP), series("TI-101", v)), "TI-101");
        assertEquals(Quality.GOOD, q.get(49));
    }

    @Test
    void reportsQualityChangesWithTagFromToAndTime() {
        double[] v = noisy(60, 200, 0.5, 6);
        v[40] = Double.NaN;
        List<QualifiedScan> out = run(monitor(TEMP), series("TI-101", v));
        List<QualityChange> changes = out.stream().flatMap(s -> s.changes().stream()).toList();
        assertEquals(List.of(
                new QualityChange("TI-101", Quality.GOOD, Quality.MISSING, T0.plusSeconds(40)),
                new QualityChange("TI-101", Quality.MISSING, Quality.GOOD, T0.plusSeconds(41))), changes);
    }

    @Test
    void badQualityFromTheSourceIsKeptAndUnknownTagsPassThrough() {
        List<PlantScan> scans = List.of(new PlantScan(T0, List.of(
                new TagSample("TI-101", T0, 150, Quality.BAD),
                new TagSample("XX-999", T0, 1e9, Quality.GOOD))));
        List<QualifiedScan> out = run(monitor(TEMP), scans);
        assertEquals(Quality.BAD, qualities(out, "TI-101").getFirst());
        assertEquals(Quality.GOOD, qualities(out, "XX-999").getFirst());
    }

    @Test
    void staleTimeIsConfigurable() {
        QualityConfig config = new QualityConfig(QualityThresholds.defaults().withStaleAfter(Duration.ofSeconds(5)),
                Map.of(), Map.of());
        List<PlantScan> scans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            scans.add(new PlantScan(T0.plusSeconds(i), List.of(new TagSample("TI-101", T0, 150, Quality.GOOD))));
        }
        List<Quality> q = qualities(run(new TagQualityMonitor(List.of(TEMP), config), scans), "TI-101");
        assertEquals(Quality.GOOD, q.get(5));
        assertEquals(Quality.STALE, q.get(6));
    }
}
