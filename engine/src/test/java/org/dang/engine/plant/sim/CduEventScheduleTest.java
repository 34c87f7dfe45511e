package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Schedules read and write as CSV, with precise errors; the sample month has what its README promises. */
class CduEventScheduleTest {

    @Test
    void sampleMonthRoundTripsThroughCsv() throws IOException {
        EventSchedule month = SampleMonth.schedule(CduFixtures.T0);
        assertEquals(month, EventSchedule.parse("month.csv", month.format().lines().toList()));
    }

    @Test
    void sampleMonthHasEveryPromisedEvent() {
        EventSchedule month = SampleMonth.schedule(CduFixtures.T0);
        Map<EventKind, Long> counts = month.events().stream()
                .collect(Collectors.groupingBy(CduEvent::kind, Collectors.counting()));
        assertEquals(2L, counts.get(EventKind.CRUDE_SWITCH));
        assertEquals(1L, counts.get(EventKind.MAINTENANCE));
        assertEquals(1L, counts.get(EventKind.PUMP_DEGRADATION));
        assertEquals(1L, counts.get(EventKind.FURNACE_FOULING));
        for (FaultMode m : FaultMode.values()) {
            assertEquals(3L, counts.get(m.kind()), m.name());
        }
        CduEvent fouling = month.events().stream().filter(e -> e.kind() == EventKind.FURNACE_FOULING).findFirst()
                .orElseThrow();
        assertTrue(fouling.duration().compareTo(Duration.ofDays(14)) > 0, "fouling over weeks");
        assertTrue(month.events().stream().allMatch(e -> e.end().isBefore(CduFixtures.T0.plus(Duration.ofDays(30)))));
    }

    @Test
    void labelsAreClippedToThePeriod() {
        EventSchedule s = EventSchedule.of(new FurnaceFouling(CduFixtures.at(0), CduFixtures.at(5000), 0.2, ""),
                new SensorFault(CduFixtures.at(2000), CduFixtures.at(2100), CduTag.TOP_TEMP, FaultMode.DROPOUT, 0, ""));
        List<EventLabel> labels = s.labels(CduFixtures.at(1440));
        assertEquals(1, labels.size());
        assertEquals(CduFixtures.at(1440), labels.getFirst().end());
        assertEquals(List.of("tube_metal_temp", "furnace_efficiency", "stack_temp", "fuel_gas_flow", "fuel_gas_duty"),
                labels.getFirst().tags());
    }

    @Test
    void errorsNameTheLineAndTheProblem() {
        Function<String, String> error = row -> assertThrows(IOException.class,
                () -> EventSchedule.parse("s.csv", List.of("# a comment", EventSchedule.HEADER, row))).getMessage();
        assertEquals("s.csv:3: unknown kind BOILER_EXPLOSION (expected one of " + List.of(EventKind.values()) + ")",
                error.apply("2026-11-01T00:00:00Z,2026-11-01T01:00:00Z,BOILER_EXPLOSION,,0,"));
        assertTrue(error.apply("2026-11-01T00:00:00Z,2026-11-01T01:00:00Z,SENSOR_DRIFT,top_tmp,2,")
                .startsWith("s.csv:3: unknown tag top_tmp"));
        assertTrue(error.apply("2026-11-01T02:00:00Z,2026-11-01T01:00:00Z,FURNACE_FOULING,,0.1,")
                .contains("ends (2026-11-01T01:00:00Z) before it starts"));
        assertTrue(error.apply("2026-11-01T00:00:00Z,2026-11-01T01:00:00Z,CRUDE_SWITCH,bitumen,,")
                .contains("unknown crude bitumen"));
        assertTrue(error.apply("yesterday,2026-11-01T01:00:00Z,FEED_STEP,,-5000,").startsWith("s.csv:3: "));
        assertTrue(error.apply("2026-11-01T00:00:00Z,2026-11-01T01:00:00Z,MAINTENANCE,boiler,0.8,")
                .contains("unknown equipment boiler"));
        IOException noHeader = assertThrows(IOException.class, () -> EventSchedule.parse("s.csv", List.of("x,y")));
        assertEquals("s.csv:1: expected the header " + EventSchedule.HEADER, noHeader.getMessage());
    }

    @Test
    void injectingAnEventInThePastIsRefused() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet());
        sim.run(10);
        assertThrows(IllegalArgumentException.class, () -> sim.inject(
                new SensorFault(CduFixtures.at(5), CduFixtures.at(20), CduTag.TOP_TEMP, FaultMode.DROPOUT, 0, "")));
        sim.inject(new SensorFault(CduFixtures.at(11), CduFixtures.at(20), CduTag.TOP_TEMP, FaultMode.DROPOUT, 0, ""));
        assertTrue(Double.isNaN(sim.step().measured(CduTag.TOP_TEMP)));
        assertEquals(1, sim.schedule().events().size());
    }
}
