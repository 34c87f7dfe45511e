package org.dang.engine.alarm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.dang.engine.plant.TagSample;

/**
 * One alarm's life on the board: its condition through on- and off-delays, its ISA-18.2 state,
 * acknowledgement, shelving and chattering. The board calls it under its lock; each change appends
 * its event to the list passed in.
 */
final class AlarmTracker {

    /** What an evaluation did to the delayed (debounced) condition. */
    enum Change { NONE, ACTIVATED, CLEARED }

    private final AlarmDefinition def;
    private final AlarmCondition condition;
    private final ArrayDeque<Instant> recentActivations = new ArrayDeque<>();
    private boolean active;
    /** When the raw condition first differed from {@code active}; null while they agree. */
    private Instant pendingSince;
    private AlarmState state = AlarmState.NORMAL;
    private Instant raisedAt;
    private Instant clearedAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private boolean chattering;
    private Instant lastActivation;
    private Instant shelvedUntil;
    private String shelvedBy;
    private String shelveReason;

    AlarmTracker(AlarmDefinition def) {
        this.def = def;
        this.condition = new AlarmCondition(def);
    }

    AlarmDefinition definition() {
        return def;
    }

    AlarmState state() {
        return state;
    }

    boolean active() {
        return active;
    }

    Instant shelvedUntil() {
        return shelvedUntil;
    }

    /** Judges the tag's sample at scan time {@code t} and applies the on- or off-delay. */
    Change evaluate(TagSample sample, Instant t) {
        if (!condition.judge(sample)) {
            return Change.NONE;
        }
        boolean wanted = condition.holds();
        if (wanted == active) {
            pendingSince = null;
            return Change.NONE;
        }
        if (pendingSince == null) {
            pendingSince = t;
        }
        Duration delay = wanted ? def.onDelay() : def.offDelay();
        if (Duration.between(pendingSince, t).compareTo(delay) < 0) {
            return Change.NONE;
        }
        pendingSince = null;
        active = wanted;
        return wanted ? Change.ACTIVATED : Change.CLEARED;
    }

    /** Annunciates an activation (UNACK_ACTIVE, RAISED), or suppresses it (SUPPRESSED) during a flood. */
    void annunciate(Instant t, boolean suppress, String note, List<AlarmEvent> out) {
        raisedAt = t;
        acknowledgedAt = null;
        acknowledgedBy = null;
        state = suppress ? AlarmState.SUPPRESSED : AlarmState.UNACK_ACTIVE;
        out.add(event(suppress ? AlarmEventType.SUPPRESSED : AlarmEventType.RAISED, t, null, null, note));
    }

    /** Counts an activation in the chattering window; the first time it reaches the count, emits CHATTERING. */
    void countForChatter(Instant t, AlarmBoardConfig config, List<AlarmEvent> out) {
        lastActivation = t;
        recentActivations.addLast(t);
        Instant oldest = t.minus(config.chatterWindow());
        while (!recentActivations.getFirst().isAfter(oldest)) {
            recentActivations.removeFirst();
        }
        if (!chattering && recentActivations.size() >= config.chatterActivations()) {
            chattering = true;
            out.add(event(AlarmEventType.CHATTERING, t, null, null, " (" + recentActivations.size()
                    + " activations within " + config.chatterWindow().toSeconds() + " s)"));
        }
    }

    /** Drops the chattering flag after a whole window without activation. */
    void quietChatter(Instant t, Duration window) {
        if (chattering && !lastActivation.plus(window).isAfter(t)) {
            chattering = false;
        }
    }

    /** The condition cleared: UNACK_ACTIVE to UNACK_CLEARED, ACK_ACTIVE and SUPPRESSED to NORMAL. */
    void clear(Instant t, List<AlarmEvent> out) {
        clearedAt = t;
        if (state == AlarmState.SHELVED) {
            return; // followed silently; unshelving looks at the condition again
        }
        state = state == AlarmState.UNACK_ACTIVE ? AlarmState.UNACK_CLEARED : AlarmState.NORMAL;
        out.add(event(AlarmEventType.CLEARED, t, null, null, ""));
    }

    /** UNACK_ACTIVE to ACK_ACTIVE, UNACK_CLEARED to NORMAL; false (nothing changes) in any other state. */
    boolean acknowledge(String who, Instant t, List<AlarmEvent> out) {
        if (!state.unacknowledged()) {
            return false;
        }
        state = state == AlarmState.UNACK_ACTIVE ? AlarmState.ACK_ACTIVE : AlarmState.NORMAL;
        acknowledgedAt = t;
        acknowledgedBy = who;
        out.add(event(AlarmEventType.ACKNOWLEDGED, t, who, null, ""));
        return true;
    }

    /** Shelves it until {@code until} (shelving again replaces the expiry); it leaves the alarm list. */
    void shelve(String who, String reason, Instant until, Instant t, List<AlarmEvent> out) {
        state = AlarmState.SHELVED;
        shelvedUntil = until;
        shelvedBy = who;
        shelveReason = reason;
        out.add(event(AlarmEventType.SHELVED, t, who, reason, " (shelved until " + until + ")"));
    }

    /**
     * Takes it off the shelf and looks at its condition again: still active, it is annunciated anew
     * (or suppressed during a flood); otherwise NORMAL.
     */
    void unshelve(String who, String why, Instant t, boolean suppress, List<AlarmEvent> out) {
        shelvedUntil = null;
        shelvedBy = null;
        shelveReason = null;
        state = AlarmState.NORMAL;
        out.add(event(AlarmEventType.UNSHELVED, t, who, why, ""));
        if (active) {
            annunciate(t, suppress, " (still active after shelving)", out);
        }
    }

    /** After a flood: a suppressed alarm (necessarily still active) is annunciated. */
    void release(Instant t, List<AlarmEvent> out) {
        if (state == AlarmState.SUPPRESSED) {
            state = AlarmState.UNACK_ACTIVE;
            out.add(event(AlarmEventType.RAISED, t, null, null, " (suppressed during the alarm flood)"));
        }
    }

    AlarmRecord record() {
        return new AlarmRecord(def.id(), def.tag(), def.kind(), def.priority(), state, active, raisedAt, clearedAt,
                acknowledgedAt, acknowledgedBy, condition.measured(), def.limit(), message(), chattering,
                shelvedUntil, shelvedBy, shelveReason);
    }

    private AlarmEvent event(AlarmEventType type, Instant t, String actor, String reason, String note) {
        return new AlarmEvent(t, type, def.id(), def.tag(), def.kind(), def.priority(), state, condition.measured(),
                def.limit(), actor, reason, message() + note);
    }

    /** E.g. "TI-101 top temperature high 352.1 degC, limit 350 degC". */
    String message() {
        String name = def.tag() + (def.description().isEmpty() ? "" : " " + def.description());
        String unit = def.unit().isEmpty() ? "" : " " + def.unit();
        double v = condition.measured();
        return switch (def.kind()) {
            case HIHI -> name + " high-high " + number(v) + unit + ", limit " + number(def.limit()) + unit;
            case HI -> name + " high " + number(v) + unit + ", limit " + number(def.limit()) + unit;
            case LO -> name + " low " + number(v) + unit + ", limit " + number(def.limit()) + unit;
            case LOLO -> name + " low-low " + number(v) + unit + ", limit " + number(def.limit()) + unit;
            case DEVIATION -> name + " deviation: " + number(v) + unit + " against target " + number(def.target())
                    + unit + ", allowed " + number(def.limit()) + unit;
            case RATE -> name + (v < 0 ? " falling " : " rising ") + number(Math.abs(v)) + unit + "/min, limit "
                    + number(def.limit()) + unit + "/min";
            case QUALITY -> name + " data quality " + condition.quality();
        };
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }
}
