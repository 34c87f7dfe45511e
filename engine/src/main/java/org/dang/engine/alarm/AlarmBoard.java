package org.dang.engine.alarm;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.events.OrderedDispatcher;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.store.AuditEvent;

/**
 * The alarm system of one unit (ISA-18.2, docs/alarms.md): evaluates alarm definitions against
 * quality-flagged scans, keeps every alarm's state, detects chattering and alarm floods, suppresses
 * consequential alarms during a flood, and takes acknowledge, shelve and unshelve commands.
 *
 * <p>Time: what the process does (activation, clearing, delays, chattering, flood) runs on scan
 * time, so a replay judges the same whatever its speed; what people do (acknowledge, shelve) and
 * shelve expiry run on the injected clock.
 *
 * <p>Threads: one lock guards all state. {@link #scan} (the data source's thread) and the commands
 * (console threads) take it in turn; each appends its events to the journal under the lock (the
 * journal only queues them), and listeners receive them on the {@code alarm-board-events} thread in
 * the same order. A shelve expires at the first scan, command or snapshot after its expiry time.
 */
public final class AlarmBoard implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AlarmBoard.class.getName());
    private static final String AUDIT_OK = "OK";
    private static final String AUDIT_REJECTED = "REJECTED";
    private static final String AUDIT_DENIED = "DENIED";

    private final String unit;
    private final AlarmBoardConfig config;
    private final AlarmJournal journal;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, AlarmTracker> byId = new LinkedHashMap<>();
    private final FloodWatch flood;
    private final OrderedDispatcher<AlarmListener, AlarmEvent> dispatcher;
    private long activations;
    private long suppressedInFlood;

    /**
     * A board for {@code unit} (e.g. "CDU") with {@code definitions} (ids must be unique), writing
     * its history to {@code journal}, which the caller owns and closes after the board.
     */
    public AlarmBoard(String unit, List<AlarmDefinition> definitions, AlarmBoardConfig config, AlarmJournal journal,
                      InstantSource clock) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.config = Objects.requireNonNull(config, "config");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (AlarmDefinition d : definitions) {
            if (byId.putIfAbsent(d.id(), new AlarmTracker(d)) != null) {
                throw new IllegalArgumentException("alarm " + d.id() + " is defined twice");
            }
        }
        this.flood = new FloodWatch(config.floodAbove(), config.floodEndsBelow(), config.floodWindow());
        // Last: a board refused above leaves no thread behind. Alarm events are never dropped.
        this.dispatcher = new OrderedDispatcher<>("alarm-board-events", AlarmListener::alarmEvent, e -> false, 0);
        dispatcher.start();
    }

    /** Adds a listener; it receives events from now on. */
    public void addListener(AlarmListener listener) {
        dispatcher.addListener(listener);
    }

    /** Removes a listener. */
    public void removeListener(AlarmListener listener) {
        dispatcher.removeListener(listener);
    }

    /**
     * Evaluates every alarm against a quality-flagged scan. A tag missing from the scan counts as
     * MISSING: its QUALITY alarm sees bad data, its process alarms hold their state.
     */
    public void scan(PlantScan scan) {
        Objects.requireNonNull(scan, "scan");
        Map<String, TagSample> byTag = new HashMap<>();
        for (TagSample s : scan.samples()) {
            byTag.putIfAbsent(s.tag(), s);
        }
        Instant t = scan.time();
        locked(out -> {
            for (AlarmTracker a : byId.values()) {
                switch (a.evaluate(byTag.get(a.definition().tag()), t)) {
                    case ACTIVATED -> activated(a, t, out);
                    case CLEARED -> a.clear(t, out);
                    case NONE -> { }
                }
                a.quietChatter(t, config.chatterWindow());
            }
            if (flood.endsAt(t)) {
                out.add(floodEvent(AlarmEventType.FLOOD_ENDED, t, "alarm flood over: " + flood.count()
                        + " activations in the last " + config.floodWindow().toMinutes() + " min"));
                byId.values().forEach(a -> a.release(t, out));
            }
            return null;
        });
    }

    /**
     * Acknowledges an alarm: UNACK_ACTIVE becomes ACK_ACTIVE, UNACK_CLEARED becomes NORMAL. Returns
     * false when there is nothing to acknowledge. Either way the attempt is audited.
     *
     * @throws IllegalArgumentException for an unknown alarm id
     * @throws AccessDeniedException    when the user's role may not acknowledge (audited as DENIED)
     */
    public boolean acknowledge(String alarmId, User who) {
        Objects.requireNonNull(who, "who");
        return locked(out -> {
            AlarmTracker a = tracker(alarmId, who, Action.ACKNOWLEDGE_ALARM);
            AlarmState before = a.state();
            Instant now = clock.instant();
            boolean done = a.acknowledge(who.name(), now, out);
            audit(now, who, "acknowledge_alarm", alarmId, done ? AUDIT_OK : AUDIT_REJECTED,
                    done ? before + " -> " + a.state() : "nothing to acknowledge: the alarm is " + before);
            return done;
        });
    }

    /**
     * Shelves an alarm for {@code duration}: it leaves the alarm list, its condition is still
     * followed, and at expiry it returns (annunciated anew if still active). Shelving a shelved alarm
     * sets a new expiry. Audited.
     *
     * @throws IllegalArgumentException for an unknown alarm, a blank reason, or a duration that is not
     *                                  positive or exceeds the configured maximum (audited as REJECTED)
     * @throws AccessDeniedException    when the user's role may not shelve (audited as DENIED)
     */
    public void shelve(String alarmId, User who, String reason, Duration duration) {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(duration, "duration");
        locked(out -> {
            AlarmTracker a = tracker(alarmId, who, Action.SHELVE_ALARM);
            Instant now = clock.instant();
            String problem = reason == null || reason.isBlank() ? "a shelve needs a reason"
                    : !duration.isPositive() ? "shelve time must be positive, was " + duration
                    : duration.compareTo(config.maxShelve()) > 0 ? "shelve time " + duration + " exceeds the maximum "
                    + config.maxShelve() : null;
            if (problem != null) {
                audit(now, who, "shelve_alarm", alarmId, AUDIT_REJECTED, problem);
                throw new IllegalArgumentException("alarm " + alarmId + ": " + problem);
            }
            AlarmState before = a.state();
            Instant until = now.plus(duration);
            a.shelve(who.name(), reason, until, now, out);
            audit(now, who, "shelve_alarm", alarmId, AUDIT_OK, before + " -> SHELVED until " + until + "; reason: "
                    + reason);
            return null;
        });
    }

    /**
     * Takes an alarm off the shelf before its expiry; still active, it is annunciated anew. Returns
     * false when it was not shelved. Audited.
     *
     * @throws IllegalArgumentException for an unknown alarm id
     */
    public boolean unshelve(String alarmId, User who) {
        Objects.requireNonNull(who, "who");
        return locked(out -> {
            AlarmTracker a = tracker(alarmId, who, Action.UNSHELVE_ALARM);
            Instant now = clock.instant();
            boolean shelved = a.state() == AlarmState.SHELVED;
            if (shelved) {
                a.unshelve(who.name(), null, now, suppressedNow(a), out);
            }
            audit(now, who, "unshelve_alarm", alarmId, shelved ? AUDIT_OK : AUDIT_REJECTED,
                    shelved ? "SHELVED -> " + a.state() : "not shelved: the alarm is " + a.state());
            return shelved;
        });
    }

    /** The alarms not in NORMAL state and the counts, as the console shows them. */
    public AlarmSnapshot snapshot() {
        return locked(out -> {
            List<AlarmRecord> records = new ArrayList<>();
            Map<AlertPriority, Integer> counts = new EnumMap<>(AlertPriority.class);
            for (AlertPriority p : AlertPriority.values()) {
                counts.put(p, 0);
            }
            int unacknowledged = 0;
            int shelved = 0;
            int suppressed = 0;
            for (AlarmTracker a : byId.values()) {
                AlarmState s = a.state();
                if (s == AlarmState.NORMAL) {
                    continue;
                }
                records.add(a.record());
                if (s.annunciated()) {
                    counts.merge(a.definition().priority(), 1, Integer::sum);
                }
                unacknowledged += s.unacknowledged() ? 1 : 0;
                shelved += s == AlarmState.SHELVED ? 1 : 0;
                suppressed += s == AlarmState.SUPPRESSED ? 1 : 0;
            }
            records.sort(Comparator.comparing(AlarmRecord::priority).thenComparing(AlarmRecord::raisedAt,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            return new AlarmSnapshot(clock.instant(), records, counts, unacknowledged, shelved, suppressed,
                    flood.inFlood(), activations, suppressedInFlood);
        });
    }

    /** One alarm, whatever its state (NORMAL included). */
    public Optional<AlarmRecord> alarm(String alarmId) {
        lock.lock();
        try {
            AlarmTracker a = byId.get(alarmId);
            return a == null ? Optional.empty() : Optional.of(a.record());
        } finally {
            lock.unlock();
        }
    }

    /** Delivers the events published so far to the listeners and stops the event thread. */
    @Override
    public void close() {
        dispatcher.close();
        try {
            dispatcher.thread().join(10_000); // deliver what was raised before closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code work} under the lock after expiring due shelves, then hands every event it made to
     * the journal and the listeners, also when it throws: a state change is never left unrecorded.
     */
    private <T> T locked(Function<List<AlarmEvent>, T> work) {
        lock.lock();
        List<AlarmEvent> out = new ArrayList<>();
        try {
            expireShelves(out);
            return work.apply(out);
        } finally {
            publish(out);
            lock.unlock();
        }
    }

    /** An activation of a non-shelved alarm: counted for flood and chattering, annunciated or suppressed. */
    private void activated(AlarmTracker a, Instant t, List<AlarmEvent> out) {
        if (a.state() == AlarmState.SHELVED) {
            return; // out of service: followed silently, not counted
        }
        activations++;
        if (flood.activation(t)) {
            out.add(floodEvent(AlarmEventType.FLOOD_STARTED, t, "alarm flood: " + flood.count()
                    + " activations in the last " + config.floodWindow().toMinutes() + " min"));
        }
        boolean suppress = suppressedNow(a);
        suppressedInFlood += suppress ? 1 : 0;
        a.annunciate(t, suppress, "", out);
        a.countForChatter(t, config, out);
    }

    private boolean suppressedNow(AlarmTracker a) {
        return flood.inFlood() && config.floodSuppressed().contains(a.definition().priority());
    }

    private void expireShelves(List<AlarmEvent> out) {
        Instant now = clock.instant();
        for (AlarmTracker a : byId.values()) {
            if (a.state() == AlarmState.SHELVED && !a.shelvedUntil().isAfter(now)) {
                a.unshelve(null, "shelve expired", now, suppressedNow(a), out);
            }
        }
    }

    private AlarmTracker tracker(String alarmId, User who, Action action) {
        if (!action.allowedFor(who.role())) {
            String reason = action.denialReason(who.role());
            audit(clock.instant(), who, action.auditName(), String.valueOf(alarmId), AUDIT_DENIED, reason);
            throw new AccessDeniedException(reason);
        }
        AlarmTracker a = byId.get(alarmId);
        if (a == null) {
            audit(clock.instant(), who, action.auditName(), String.valueOf(alarmId), AUDIT_REJECTED, "no such alarm");
            throw new IllegalArgumentException("no alarm " + alarmId + " on unit " + unit);
        }
        return a;
    }

    private AlarmEvent floodEvent(AlarmEventType type, Instant t, String message) {
        return new AlarmEvent(t, type, unit + ".FLOOD", unit, null, AlertPriority.HIGH, null, flood.count(),
                config.floodAbove(), null, null, message);
    }

    private void audit(Instant now, User who, String action, String target, String result, String detail) {
        try {
            journal.audit(new AuditEvent(now, who.name(), who.role().name().toLowerCase(Locale.ROOT), action, target,
                    who.origin(), result, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, () -> "Audit of " + action + " " + target + " by " + who.name() + " was not kept", e);
        }
    }

    /** To the journal first (under the lock, so in order), then to the listeners' thread. */
    private void publish(List<AlarmEvent> events) {
        for (AlarmEvent e : events) {
            try {
                journal.record(e);
            } catch (RuntimeException ex) {
                LOG.log(Level.ERROR, () -> "Alarm event was not journaled: " + e, ex);
            }
            dispatcher.publish(e);
        }
    }
}
