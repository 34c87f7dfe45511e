package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.TOP_TEMP;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.situation.Quality;

class AlarmRateAndDeviationTest {

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryJournal journal = new MemoryJournal();

    private void feed(AlarmDefinition def, double[] values, int secondsApart) {
        try (AlarmBoard board = AlarmFixtures.board(List.of(def), journal, clock)) {
            for (int i = 0; i < values.length; i++) {
                board.scan(scan(T0.plusSeconds((long) i * secondsApart), def.tag(), values[i]));
            }
        }
    }

    private static final AlarmDefinition RATE = AlarmDefinitions.rateOfChange(TOP_TEMP, 30, AlertPriority.HIGH, 5,
            Duration.ZERO, Duration.ZERO);

    @Test
    void rateAboveTheLimitPerMinuteRaisesEitherWay() {
        // 0.4 degC/s = 24/min: quiet; 1 degC/s = 60/min: raised; 0.45/s = 27/min: still held (>= 25); 0.4/s clears.
        feed(RATE, new double[] {200, 200.4, 200.8, 201.8, 202.8, 203.25, 203.65, 203.65}, 1);
        assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED), journal.types("TI-101.RATE"));
        AlarmEvent raised = journal.events().getFirst();
        assertEquals(T0.plusSeconds(3), raised.time());
        assertEquals(60, raised.value(), 1e-9);
        assertTrue(raised.message().contains("rising 60 degC/min"), raised.message());
        assertEquals(T0.plusSeconds(6), journal.events().get(1).time());

        journal.clear();
        feed(RATE, new double[] {200, 199, 150}, 60); // -1/min, then -49/min
        AlarmEvent falling = journal.events().getFirst();
        assertEquals(T0.plusSeconds(120), falling.time());
        assertTrue(falling.message().contains("falling 49 degC/min"), falling.message());
    }

    @Test
    void rateIsNotTakenAcrossBadData() {
        try (AlarmBoard board = AlarmFixtures.board(List.of(RATE), journal, clock)) {
            board.scan(scan(T0, "TI-101", 200));
            board.scan(scan(T0.plusSeconds(1), "TI-101", 0, Quality.MISSING));
            board.scan(scan(T0.plusSeconds(2), "TI-101", 260)); // 60 degC from the last GOOD value, across the gap
            board.scan(scan(T0.plusSeconds(3), "TI-101", 260.1));
        }
        assertTrue(journal.events().isEmpty(), journal.events().toString());
    }

    @Test
    void deviationFromTargetBeyondTheAllowedBandRaisesAndClearsWithDeadband() {
        AlarmDefinition dev = AlarmDefinitions.deviation(TOP_TEMP, 200, 10, AlertPriority.MEDIUM, 2, Duration.ZERO,
                Duration.ZERO);
        feed(dev, new double[] {205, 210, 211, 209, 207.9, 195, 189, 192.5}, 1);
        assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED, AlarmEventType.RAISED,
                AlarmEventType.CLEARED), journal.types("TI-101.DEVIATION"));
        List<AlarmEvent> e = journal.events();
        assertEquals(List.of(T0.plusSeconds(2), T0.plusSeconds(4), T0.plusSeconds(6), T0.plusSeconds(7)),
                e.stream().map(AlarmEvent::time).toList());
        assertTrue(e.getFirst().message().contains("211 degC against target 200 degC, allowed 10 degC"),
                e.getFirst().message());
    }
}
