package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.hiTag;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.dang.engine.alarm.AlarmFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;
import org.dang.engine.store.AlarmEventRecord;
import org.dang.engine.store.DecisionStore;

class AlarmFloodTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryJournal journal = new MemoryJournal();

    /** Tags A0..A{n-1} with a HI alarm at 100, priorities cycling LOW, MEDIUM, HIGH, CRITICAL. */
    private static List<AlarmDefinition> tags(int n) {
        List<AlarmDefinition> defs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            defs.addAll(AlarmFixtures.limits(hiTag("A" + i, AlertPriority.values()[3 - i % 4])));
        }
        return defs;
    }

    @Test
    void tenActivationsInTenMinutesAreNoFlood() {
        try (AlarmBoard board = AlarmFixtures.board(tags(10), journal, clock)) {
            for (int i = 0; i < 10; i++) {
                board.scan(scan(T0.plusSeconds(50L * i), "A" + i, 120));
            }
            assertFalse(board.snapshot().flood());
            assertTrue(journal.ofType(AlarmEventType.FLOOD_STARTED).isEmpty());
            assertEquals(10, journal.ofType(AlarmEventType.RAISED).size());
        }
    }

    @Test
    void eleventhActivationStartsAFloodThatSuppressesLowAndMediumUntilTheRateDrops() {
        List<AlarmDefinition> defs = new ArrayList<>(tags(10));
        for (String name : List.of("M1:MEDIUM", "L1:LOW", "C1:CRITICAL", "H1:HIGH", "M2:MEDIUM", "X:LOW")) {
            String[] p = name.split(":");
            defs.addAll(AlarmFixtures.limits(hiTag(p[0], AlertPriority.valueOf(p[1]))));
        }
        try (AlarmBoard board = AlarmFixtures.board(defs, journal, clock)) {
            for (int i = 0; i < 10; i++) {
                board.scan(scan(T0.plusSeconds(10L * i), "A" + i, 120));
            }
            // M1 is the 11th activation within 10 minutes: the flood starts and M1 is already suppressed.
            board.scan(scan(T0.plusSeconds(100), "M1", 120));
            assertEquals(List.of(T0.plusSeconds(100)),
                    journal.ofType(AlarmEventType.FLOOD_STARTED).stream().map(AlarmEvent::time).toList());
            assertEquals(AlarmState.SUPPRESSED, state(board, "M1.HI"));
            // During the flood LOW and MEDIUM are suppressed, HIGH and CRITICAL annunciate.
            List<String> next = List.of("L1", "C1", "H1", "M2");
            for (int i = 0; i < next.size(); i++) {
                board.scan(scan(T0.plusSeconds(111L + i), next.get(i), 120));
            }
            assertEquals(AlarmState.SUPPRESSED, state(board, "L1.HI"));
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, "C1.HI"));
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, "H1.HI"));
            assertEquals(AlarmState.SUPPRESSED, state(board, "M2.HI"));
            AlarmSnapshot during = board.snapshot();
            assertTrue(during.flood());
            assertEquals(3, during.suppressed());
            assertEquals(3, during.suppressedInFlood());
            assertEquals(15, during.activations());
            assertEquals(3, journal.ofType(AlarmEventType.SUPPRESSED).size());
            assertTrue(during.alarms().stream().noneMatch(r -> r.state() == AlarmState.SUPPRESSED
                    && r.state().annunciated()));
            // A suppressed alarm that clears during the flood goes back to NORMAL, recorded.
            board.scan(scan(T0.plusSeconds(120), "L1", 50));
            assertEquals(AlarmState.NORMAL, state(board, "L1.HI"));
            assertEquals(List.of(AlarmEventType.SUPPRESSED, AlarmEventType.CLEARED), journal.types("L1.HI"));

            // The window is (t - 10 min, t] and the flood ends below 5: at 699 s it still holds 5 activations
            // (100, 111..114 s), at 700 s only 4, so the flood ends there and the still-active suppressed
            // alarms annunciate.
            board.scan(scan(T0.plusSeconds(699), "X", 50));
            assertTrue(board.snapshot().flood());
            board.scan(scan(T0.plusSeconds(700), "X", 50));
            assertEquals(List.of(T0.plusSeconds(700)),
                    journal.ofType(AlarmEventType.FLOOD_ENDED).stream().map(AlarmEvent::time).toList());
            assertFalse(board.snapshot().flood());
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, "M1.HI"));
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, "M2.HI"));
            assertEquals(List.of(AlarmEventType.SUPPRESSED, AlarmEventType.RAISED), journal.types("M1.HI"));
            assertEquals(T0.plusSeconds(100), board.alarm("M1.HI").orElseThrow().raisedAt(),
                    "raised at its activation");
            // After the flood a LOW alarm annunciates again.
            board.scan(scan(T0.plusSeconds(701), "X", 120));
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, "X.HI"));
        }
    }

    @Test
    void noAlarmIsLostUnderAFloodOfThousandAlarmsPerMinute() throws Exception {
        int tags = 100;
        int activationsWanted = 1000;
        AtomicInteger heard = new AtomicInteger();
        int persisted;
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"));
             StoreAlarmJournal storeJournal = new StoreAlarmJournal(store);
             AlarmBoard board = AlarmFixtures.board(tags(tags), storeJournal, clock)) {
            board.addListener(e -> heard.incrementAndGet());
            board.addListener(e -> {
                throw new IllegalStateException("a broken console listener");
            });
            // One scan every 60 ms for a minute: each scan raises one tag and returns the previous one to normal.
            Duration step = Duration.ofMillis(60);
            for (int i = 0; i < activationsWanted; i++) {
                Instant t = T0.plus(step.multipliedBy(i));
                List<TagSample> samples = new ArrayList<>();
                samples.add(new TagSample("A" + i % tags, t, 150, Quality.GOOD));
                if (i > 0) {
                    samples.add(new TagSample("A" + (i - 1) % tags, t, 50, Quality.GOOD));
                }
                board.scan(new PlantScan(t, samples));
            }
            AlarmSnapshot s = board.snapshot();
            assertEquals(activationsWanted, s.activations());
            assertTrue(s.flood());
            // Priorities cycle LOW, MEDIUM, HIGH, CRITICAL with the activation index; the flood starts at index
            // 10, so the LOW and MEDIUM activations among 10..999 (247 + 247) are suppressed.
            assertEquals(494, s.suppressedInFlood());

            assertTrue(storeJournal.awaitWritten(Duration.ofSeconds(60)), "journal backlog " + storeJournal.backlog());
            List<AlarmEventRecord> rows = store.alarmEvents(T0, T0.plusSeconds(61), 100_000);
            Map<String, Integer> byEvent = new HashMap<>();
            Map<String, Integer> activationsByAlarm = new HashMap<>();
            for (AlarmEventRecord r : rows) {
                byEvent.merge(r.event(), 1, Integer::sum);
                if (r.event().equals("RAISED") || r.event().equals("SUPPRESSED")) {
                    activationsByAlarm.merge(r.alarm(), 1, Integer::sum);
                }
            }
            assertEquals(activationsWanted, byEvent.get("RAISED") + byEvent.get("SUPPRESSED"), byEvent.toString());
            assertEquals(tags, activationsByAlarm.size());
            assertTrue(activationsByAlarm.values().stream().allMatch(n -> n == activationsWanted / tags));
            assertEquals(activationsWanted - 1, byEvent.get("CLEARED"));
            assertEquals(1, byEvent.get("FLOOD_STARTED"));
            assertEquals(tags, byEvent.get("CHATTERING"), "every tag activates 10 times a minute");
            persisted = rows.size();
        }
        // Closing the board delivered everything queued for the listeners.
        assertEquals(persisted, heard.get(), "listeners got every event despite a failing one");
    }
}
