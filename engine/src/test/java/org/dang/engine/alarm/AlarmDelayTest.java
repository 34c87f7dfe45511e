package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.TOP_TEMP;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlarmDelayTest {

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryJournal journal = new MemoryJournal();

    /** HI of TI-101 with a 10 s on-delay and a 5 s off-delay; one scan per second with the given values. */
    private void feed(double[] values) {
        List<AlarmDefinition> defs = AlarmDefinitions.fromLimits(TOP_TEMP, Duration.ofSeconds(10),
                Duration.ofSeconds(5)).stream().filter(d -> d.kind() == AlarmKind.HI).toList();
        try (AlarmBoard board = AlarmFixtures.board(defs, journal, clock)) {
            for (int i = 0; i < values.length; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", values[i]));
            }
        }
    }

    private static double[] repeat(double... segments) {
        // segments: value, count, value, count ...
        int n = 0;
        for (int i = 1; i < segments.length; i += 2) {
            n += (int) segments[i];
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < segments.length; i += 2) {
            for (int j = 0; j < (int) segments[i + 1]; j++) {
                out[k++] = segments[i];
            }
        }
        return out;
    }

    @Test
    void conditionShorterThanTheOnDelayRaisesNothing() {
        feed(repeat(360, 10, 300, 5)); // above the limit for 9 s (scans 0..9)
        assertTrue(journal.events().isEmpty(), journal.events().toString());
    }

    @Test
    void conditionThatPersistsForTheOnDelayRaisesWhenTheDelayHasPassed() {
        feed(repeat(360, 11, 300, 1));
        assertEquals(List.of(AlarmEventType.RAISED), journal.types("TI-101.HI"));
        assertEquals(T0.plusSeconds(10), journal.events().getFirst().time());
    }

    @Test
    void aDipInsideTheOnDelayStartsItAgain() {
        feed(repeat(360, 6, 300, 1, 360, 10)); // 6 s above, 1 s below, then 9 s above: never 10 s in a row
        assertTrue(journal.events().isEmpty());
        journal.clear();
        feed(repeat(360, 6, 300, 1, 360, 11));
        assertEquals(T0.plusSeconds(17), journal.events().getFirst().time());
    }

    @Test
    void clearingWaitsForTheOffDelay() {
        feed(repeat(360, 11, 300, 5, 360, 1, 300, 6)); // active at 10; clear for 4 s, back, then clear for 5 s
        assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED), journal.types("TI-101.HI"));
        assertEquals(T0.plusSeconds(22), journal.events().get(1).time());
    }
}
