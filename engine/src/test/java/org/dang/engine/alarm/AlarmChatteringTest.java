package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.decision.AlertPriority;

class AlarmChatteringTest {

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryJournal journal = new MemoryJournal();
    private final List<AlarmDefinition> defs = AlarmFixtures.limits(AlarmFixtures.hiTag("LI-300", AlertPriority.LOW));

    /** Activates LI-300.HI at each offset (seconds), clearing it one second later. */
    private static void toggle(AlarmBoard board, int... offsets) {
        for (int s : offsets) {
            board.scan(scan(T0.plusSeconds(s), "LI-300", 120));
            board.scan(scan(T0.plusSeconds(s + 1), "LI-300", 80));
        }
    }

    @Test
    void threeActivationsWithinSixtySecondsMarkTheAlarmChatteringOnceAndKeepItVisible() {
        try (AlarmBoard board = AlarmFixtures.board(defs, journal, clock)) {
            toggle(board, 0, 20);
            assertFalse(board.alarm("LI-300.HI").orElseThrow().chattering());
            toggle(board, 50);
            AlarmRecord r = board.alarm("LI-300.HI").orElseThrow();
            assertTrue(r.chattering());
            toggle(board, 55);
            List<AlarmEvent> chatter = journal.ofType(AlarmEventType.CHATTERING);
            assertEquals(1, chatter.size(), "one event per chattering episode");
            assertEquals(T0.plusSeconds(50), chatter.getFirst().time());
            assertEquals(4, journal.ofType(AlarmEventType.RAISED).size(), "a chattering alarm still annunciates");
            assertEquals(List.of("LI-300.HI"), board.snapshot().alarms().stream().map(AlarmRecord::id).toList());
        }
    }

    @Test
    void activationsSpreadOverMoreThanSixtySecondsAreNotChattering() {
        try (AlarmBoard board = AlarmFixtures.board(defs, journal, clock)) {
            toggle(board, 0, 30, 60, 90, 120); // never 3 within 60 s: (t-60, t]
            assertTrue(journal.ofType(AlarmEventType.CHATTERING).isEmpty());
            assertFalse(board.alarm("LI-300.HI").orElseThrow().chattering());
        }
    }

    @Test
    void flagDropsAfterAWholeWindowWithoutActivationAndCanComeBack() {
        try (AlarmBoard board = AlarmFixtures.board(defs, journal, clock)) {
            toggle(board, 0, 10, 20);
            board.scan(scan(T0.plusSeconds(79), "LI-300", 80));
            assertTrue(board.alarm("LI-300.HI").orElseThrow().chattering(), "59 s quiet");
            board.scan(scan(T0.plusSeconds(80), "LI-300", 80));
            assertFalse(board.alarm("LI-300.HI").orElseThrow().chattering(), "60 s quiet");
            toggle(board, 100, 110, 120);
            assertEquals(List.of(T0.plusSeconds(20), T0.plusSeconds(120)),
                    journal.ofType(AlarmEventType.CHATTERING).stream().map(AlarmEvent::time).toList());
        }
    }
}
