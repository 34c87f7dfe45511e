package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.TOP_TEMP;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.dang.engine.alarm.AlarmFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.situation.Quality;

class AlarmLimitsTest {

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryJournal journal = new MemoryJournal();

    @Test
    void derivesConfiguredLimitsWithHihiAndLoloOneStepHigher() {
        List<AlarmDefinition> defs = AlarmFixtures.limits(TOP_TEMP);
        assertEquals(List.of("TI-101.HIHI", "TI-101.HI", "TI-101.LO", "TI-101.LOLO"),
                defs.stream().map(AlarmDefinition::id).toList());
        assertEquals(List.of(AlertPriority.HIGH, AlertPriority.MEDIUM, AlertPriority.MEDIUM, AlertPriority.HIGH),
                defs.stream().map(AlarmDefinition::priority).toList());
        assertTrue(defs.stream().allMatch(d -> d.deadband() == 5));

        TagDefinition onlyHi = new TagDefinition("PI-7", "", "bar", 0, 10,
                new AlarmLimits(null, null, 8.0, 9.0, AlertPriority.CRITICAL, 0));
        List<AlarmDefinition> critical = AlarmDefinitions.fromLimits(onlyHi, Duration.ZERO, Duration.ZERO);
        assertEquals(2, critical.size());
        assertEquals(AlertPriority.CRITICAL, critical.getFirst().priority(), "CRITICAL has no higher step");
        assertTrue(AlarmDefinitions.fromLimits(new TagDefinition("X", "", "", 0, 1, null), Duration.ZERO,
                Duration.ZERO).isEmpty());
    }

    @Test
    void hiAndHihiRaiseAboveTheirLimitsAndClearOnlyBelowLimitMinusDeadband() {
        try (AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            double[] values = {340, 350, 351, 360, 381, 376, 374.9, 346, 345, 344.9};
            for (int i = 0; i < values.length; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", values[i]));
            }
            // HI: at the limit nothing, above it raised (351), held down to 345 (limit - deadband), cleared below.
            assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED), journal.types("TI-101.HI"));
            assertEquals(T0.plusSeconds(2), journal.ofType(AlarmEventType.RAISED).getFirst().time());
            // HIHI: raised at 381, held at 376 (>= 375), cleared at 374.9.
            assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED), journal.types("TI-101.HIHI"));
            List<AlarmEvent> hihi = journal.events().stream().filter(e -> e.alarmId().equals("TI-101.HIHI")).toList();
            assertEquals(T0.plusSeconds(4), hihi.get(0).time());
            assertEquals(AlertPriority.HIGH, hihi.get(0).priority());
            assertEquals(381, hihi.get(0).value());
            assertEquals(380, hihi.get(0).limit());
            assertEquals(T0.plusSeconds(6), hihi.get(1).time());
            assertEquals(T0.plusSeconds(9), journal.events().stream()
                    .filter(e -> e.alarmId().equals("TI-101.HI") && e.type() == AlarmEventType.CLEARED)
                    .findFirst().orElseThrow().time());
            // Not acknowledged: both wait in UNACK_CLEARED.
            assertEquals(AlarmState.UNACK_CLEARED, state(board, "TI-101.HI"));
            assertEquals(AlarmState.UNACK_CLEARED, state(board, "TI-101.HIHI"));
            assertEquals(AlarmState.NORMAL, state(board, "TI-101.LO"));
        }
    }

    @Test
    void loAndLoloMirrorTheHighSide() {
        try (AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            double[] values = {100, 79, 49, 54, 55.5, 84, 86};
            for (int i = 0; i < values.length; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", values[i]));
            }
            assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED), journal.types("TI-101.LOLO"));
            assertEquals(T0.plusSeconds(4), journal.events().stream().filter(e -> e.alarmId().equals("TI-101.LOLO")
                    && e.type() == AlarmEventType.CLEARED).findFirst().orElseThrow().time());
            assertEquals(T0.plusSeconds(6), journal.events().stream().filter(e -> e.alarmId().equals("TI-101.LO")
                    && e.type() == AlarmEventType.CLEARED).findFirst().orElseThrow().time());
        }
    }

    @Test
    void badQualityNeitherRaisesNorClearsAProcessAlarm() {
        try (AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            board.scan(scan(T0, "TI-101", 360));
            board.scan(scan(T0.plusSeconds(1), "TI-101", 20, Quality.BAD)); // failed transmitter reads low
            board.scan(scan(T0.plusSeconds(2), "TI-101", 490, Quality.SPIKE));
            board.scan(new PlantScan(T0.plusSeconds(3), List.of())); // tag absent
            assertEquals(List.of(AlarmEventType.RAISED), journal.types("TI-101.HI"));
            assertTrue(journal.types("TI-101.LO").isEmpty());
            assertTrue(journal.types("TI-101.HIHI").isEmpty());
            assertTrue(board.alarm("TI-101.HI").orElseThrow().active());
        }
    }

    @Test
    void snapshotListsAlarmsByPriorityAndCountsAnnunciatedOnes() {
        try (AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            board.scan(scan(T0, "TI-101", 385));
            AlarmSnapshot s = board.snapshot();
            assertEquals(List.of("TI-101.HIHI", "TI-101.HI"), s.alarms().stream().map(AlarmRecord::id).toList());
            assertEquals(1, s.annunciated().get(AlertPriority.HIGH));
            assertEquals(1, s.annunciated().get(AlertPriority.MEDIUM));
            assertEquals(0, s.annunciated().get(AlertPriority.CRITICAL));
            assertEquals(2, s.unacknowledged());
            assertEquals(2, s.activations());
            assertFalse(s.flood());
            AlarmRecord hi = s.alarms().get(1);
            assertEquals("TI-101 column top temperature high 385 degC, limit 350 degC", hi.message());
            assertEquals(T0, hi.raisedAt());
            assertEquals(385, hi.value());
            assertEquals(350, hi.limit());
        }
    }

    @Test
    void definitionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new AlarmDefinition(
                "X.HI", "X", AlarmKind.HI, AlertPriority.LOW, Double.NaN, 0, null, Duration.ZERO, Duration.ZERO,
                "", ""));
        assertThrows(IllegalArgumentException.class, () -> AlarmDefinitions
                .rateOfChange(TOP_TEMP, 0, AlertPriority.LOW, 0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> AlarmFixtures.board(
                List.of(AlarmFixtures.limits(TOP_TEMP).getFirst(), AlarmFixtures.limits(TOP_TEMP).getFirst()),
                journal, clock));
    }
}
