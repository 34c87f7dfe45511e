package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.ANNA;
import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.TOP_TEMP;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.dang.engine.alarm.AlarmFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.store.AlarmEventRecord;
import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionStore;

class AlarmAcknowledgeShelveTest {

    private static final String HI = "TI-101.HI";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    /** Scans TI-101 at the clock's time, one second after the previous scan. */
    private void scanAt(AlarmBoard board, double value) {
        clock.advance(Duration.ofSeconds(1));
        board.scan(scan(clock.instant(), "TI-101", value));
    }

    @Test
    void rolesAreEnforcedAndEveryDenialIsAudited() throws Exception {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"));
             StoreAlarmJournal journal = new StoreAlarmJournal(store);
             AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            scanAt(board, 360);
            assertThrows(AccessDeniedException.class, () -> board.acknowledge(HI, AlarmFixtures.VERA));
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, HI), "a viewer's acknowledge changes nothing");
            assertThrows(AccessDeniedException.class, () -> board.shelve(HI, AlarmFixtures.OLE, "noisy",
                    Duration.ofMinutes(10)));
            assertTrue(board.acknowledge(HI, AlarmFixtures.OLE), "an operator may acknowledge");

            assertTrue(journal.awaitWritten(Duration.ofSeconds(30)));
            List<AuditEvent> audit = new ArrayList<>(store.auditTrail(10));
            Collections.reverse(audit);
            assertEquals(List.of("acknowledge_alarm DENIED vera", "shelve_alarm DENIED ole", "acknowledge_alarm OK ole"),
                    audit.stream().map(a -> a.action() + " " + a.result() + " " + a.actor()).toList());
            assertTrue(audit.getFirst().detail().contains("signed in as viewer"), audit.getFirst().detail());
        }
    }

    @Test
    void acknowledgeFollowsTheStateModelAndEveryAttemptIsAuditedInTheStore() throws Exception {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"));
             StoreAlarmJournal journal = new StoreAlarmJournal(store);
             AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            scanAt(board, 360);
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, HI));
            clock.advance(Duration.ofSeconds(5));
            Instant ackTime = clock.instant();
            assertTrue(board.acknowledge(HI, ANNA));
            AlarmRecord acked = board.alarm(HI).orElseThrow();
            assertEquals(AlarmState.ACK_ACTIVE, acked.state());
            assertEquals(ackTime, acked.acknowledgedAt());
            assertEquals("anna", acked.acknowledgedBy());
            scanAt(board, 340);
            assertEquals(AlarmState.NORMAL, state(board, HI), "acknowledged and cleared");

            scanAt(board, 360);
            scanAt(board, 340);
            assertEquals(AlarmState.UNACK_CLEARED, state(board, HI));
            assertEquals(1, board.snapshot().unacknowledged());
            assertTrue(board.acknowledge(HI, ANNA));
            assertEquals(AlarmState.NORMAL, state(board, HI));
            assertTrue(board.snapshot().alarms().isEmpty());

            assertFalse(board.acknowledge(HI, ANNA), "nothing to acknowledge");
            assertThrows(IllegalArgumentException.class, () -> board.acknowledge("TI-999.HI", ANNA));

            assertTrue(journal.awaitWritten(Duration.ofSeconds(30)));
            List<AuditEvent> audit = new ArrayList<>(store.auditTrail(10));
            Collections.reverse(audit);
            assertEquals(List.of("OK", "OK", "REJECTED", "REJECTED"), audit.stream().map(AuditEvent::result).toList());
            assertTrue(audit.stream().allMatch(a -> a.action().equals("acknowledge_alarm") && a.actor().equals("anna")
                    && a.role().equals("engineer") && a.origin().equals("console-cr1")));
            assertEquals(List.of(HI, HI, HI, "TI-999.HI"), audit.stream().map(AuditEvent::target).toList());
            assertEquals("UNACK_ACTIVE -> ACK_ACTIVE", audit.get(0).detail());
            assertEquals("UNACK_CLEARED -> NORMAL", audit.get(1).detail());
            assertEquals(ackTime, audit.get(0).time());

            List<AlarmEventRecord> events = new ArrayList<>(store.alarmEvents(T0, T0.plusSeconds(3600), 100));
            Collections.reverse(events);
            assertEquals(List.of("RAISED", "ACKNOWLEDGED", "CLEARED", "RAISED", "CLEARED", "ACKNOWLEDGED"),
                    events.stream().map(AlarmEventRecord::event).toList());
            AlarmEventRecord ack = events.get(1);
            assertEquals("anna", ack.actor());
            assertEquals(HI, ack.alarm());
            assertEquals("TI-101", ack.tag());
            assertEquals("MEDIUM", ack.priority());
            assertTrue(ack.detail().contains("\"state\":\"ACK_ACTIVE\""), ack.detail());
            assertNull(events.getFirst().actor());
        }
    }

    @Test
    void shelvedAlarmLeavesTheListIsFollowedSilentlyAndReturnsAtExpiryIfStillActive() throws Exception {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"));
             StoreAlarmJournal journal = new StoreAlarmJournal(store);
             AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), journal, clock)) {
            scanAt(board, 360);
            Instant shelvedAt = clock.instant();
            board.shelve(HI, ANNA, "transmitter being recalibrated", Duration.ofHours(1));
            AlarmSnapshot s = board.snapshot();
            AlarmRecord r = s.alarms().getFirst();
            assertEquals(AlarmState.SHELVED, r.state());
            assertEquals(shelvedAt.plus(Duration.ofHours(1)), r.shelvedUntil());
            assertEquals("anna", r.shelvedBy());
            assertEquals("transmitter being recalibrated", r.shelveReason());
            assertEquals(1, s.shelved());
            assertEquals(0, s.annunciated().get(AlertPriority.MEDIUM), "a shelved alarm is not annunciated");
            assertEquals(0, s.unacknowledged());

            scanAt(board, 340);
            scanAt(board, 360); // clears and comes back while shelved: followed, not annunciated, not counted
            assertEquals(AlarmState.SHELVED, state(board, HI));
            assertTrue(board.alarm(HI).orElseThrow().active());
            assertEquals(1, board.snapshot().activations());

            clock.set(shelvedAt.plus(Duration.ofHours(1)).minusSeconds(1));
            scanAt(board, 360); // exactly at expiry
            AlarmRecord back = board.alarm(HI).orElseThrow();
            assertEquals(AlarmState.UNACK_ACTIVE, back.state(), "still active: annunciated anew");
            assertEquals(clock.instant(), back.raisedAt());
            assertNull(back.shelvedUntil());

            // Shelve again; the condition clears; expiry found by a snapshot alone brings it back NORMAL.
            board.shelve(HI, ANNA, "known problem", Duration.ofMinutes(10));
            scanAt(board, 300);
            clock.advance(Duration.ofMinutes(10));
            assertTrue(board.snapshot().alarms().isEmpty());
            assertEquals(AlarmState.NORMAL, state(board, HI));

            // Shelve and take it off by hand.
            board.shelve(HI, ANNA, "testing", Duration.ofMinutes(30));
            assertTrue(board.unshelve(HI, ANNA));
            assertEquals(AlarmState.NORMAL, state(board, HI));
            assertFalse(board.unshelve(HI, ANNA), "not shelved");

            assertThrows(IllegalArgumentException.class, () -> board.shelve(HI, ANNA, " ", Duration.ofMinutes(5)));
            assertThrows(IllegalArgumentException.class, () -> board.shelve(HI, ANNA, "long", Duration.ofHours(13)));
            assertThrows(IllegalArgumentException.class, () -> board.shelve(HI, ANNA, "none", Duration.ZERO));
            assertEquals(AlarmState.NORMAL, state(board, HI));

            assertTrue(journal.awaitWritten(Duration.ofSeconds(30)));
            List<AuditEvent> audit = new ArrayList<>(store.auditTrail(20));
            Collections.reverse(audit);
            assertEquals(List.of("shelve_alarm OK", "shelve_alarm OK", "shelve_alarm OK", "unshelve_alarm OK",
                    "unshelve_alarm REJECTED", "shelve_alarm REJECTED", "shelve_alarm REJECTED",
                    "shelve_alarm REJECTED"), audit.stream().map(a -> a.action() + " " + a.result()).toList());
            assertTrue(audit.getFirst().detail().contains("reason: transmitter being recalibrated"),
                    audit.getFirst().detail());
            assertTrue(audit.get(6).detail().contains("exceeds the maximum"), audit.get(6).detail());

            List<AlarmEventRecord> events = new ArrayList<>(store.alarmEvents(T0, T0.plusSeconds(7200), 100));
            Collections.reverse(events);
            assertEquals(List.of("RAISED", "SHELVED", "UNSHELVED", "RAISED", "SHELVED", "UNSHELVED", "SHELVED",
                    "UNSHELVED"), events.stream().map(AlarmEventRecord::event).toList());
            assertEquals("transmitter being recalibrated", events.get(1).reason());
            assertEquals("anna", events.get(1).actor());
            assertEquals("shelve expired", events.get(2).reason());
            assertNull(events.get(2).actor());
            assertEquals("anna", events.get(7).actor());
        }
    }

    @Test
    void listenersGetEveryEventInOrderAndAFailingListenerHarmsNoOther() {
        MemoryJournal memory = new MemoryJournal();
        List<AlarmEvent> heard = Collections.synchronizedList(new ArrayList<>());
        try (AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), memory, clock)) {
            board.addListener(e -> {
                throw new IllegalStateException("broken listener");
            });
            board.addListener(heard::add);
            scanAt(board, 390);
            board.acknowledge("TI-101.HIHI", ANNA);
            board.shelve(HI, ANNA, "reason", Duration.ofMinutes(1));
            scanAt(board, 300);
        }
        assertEquals(memory.events(), heard);
        assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.RAISED, AlarmEventType.ACKNOWLEDGED,
                AlarmEventType.SHELVED, AlarmEventType.CLEARED), heard.stream().map(AlarmEvent::type).toList());
    }

    @Test
    void aShelveThatExpiresDuringARejectedCommandIsStillRecorded() {
        MemoryJournal memory = new MemoryJournal();
        try (AlarmBoard board = AlarmFixtures.board(AlarmFixtures.limits(TOP_TEMP), memory, clock)) {
            scanAt(board, 360);
            board.shelve(HI, ANNA, "reason", Duration.ofMinutes(1));
            clock.advance(Duration.ofMinutes(2));
            assertThrows(IllegalArgumentException.class, () -> board.acknowledge("TI-999.HI", ANNA));
            assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.SHELVED, AlarmEventType.UNSHELVED,
                    AlarmEventType.RAISED), memory.types(HI));
            assertEquals(AlarmState.UNACK_ACTIVE, state(board, HI));
        }
    }
}
