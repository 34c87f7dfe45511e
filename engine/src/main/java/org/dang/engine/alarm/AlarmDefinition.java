package org.dang.engine.alarm;

import java.time.Duration;
import java.util.Objects;

import org.dang.engine.decision.AlertPriority;

/**
 * One alarm on one tag; {@link AlarmDefinitions} derives them from tag definitions.
 *
 * @param id          unique on the board, {@code <tag>.<kind>}, e.g. "TI-101.HIHI"
 * @param tag         the tag watched
 * @param kind        what is watched
 * @param priority    ISA-18.2 priority
 * @param limit       the limit: a value (HI..LOLO), an allowed deviation from {@code target}
 *                    (DEVIATION) or an allowed rate per minute (RATE); unused (NaN) for QUALITY
 * @param deadband    how far back inside the limit the measured value must come before the alarm clears
 * @param target      the set point DEVIATION is measured from; null for other kinds
 * @param onDelay     how long the condition must persist before the alarm activates
 * @param offDelay    how long the condition must stay clear before the alarm clears
 * @param description the tag's description, for messages
 * @param unit        the tag's engineering unit, for messages
 */
public record AlarmDefinition(String id, String tag, AlarmKind kind, AlertPriority priority, double limit,
                              double deadband, Double target, Duration onDelay, Duration offDelay,
                              String description, String unit) {
    public AlarmDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(onDelay, "onDelay");
        Objects.requireNonNull(offDelay, "offDelay");
        description = Objects.requireNonNullElse(description, "");
        unit = Objects.requireNonNullElse(unit, "");
        if (onDelay.isNegative() || offDelay.isNegative()) {
            throw new IllegalArgumentException("alarm " + id + ": delays cannot be negative");
        }
        if (!(deadband >= 0)) {
            throw new IllegalArgumentException("alarm " + id + ": deadband must be zero or more, was " + deadband);
        }
        if (kind != AlarmKind.QUALITY && !Double.isFinite(limit)) {
            throw new IllegalArgumentException("alarm " + id + ": a " + kind + " alarm needs a finite limit");
        }
        if ((kind == AlarmKind.DEVIATION || kind == AlarmKind.RATE) && !(limit > 0)) {
            throw new IllegalArgumentException("alarm " + id + ": a " + kind + " limit must be positive, was " + limit);
        }
        if ((kind == AlarmKind.DEVIATION) != (target != null)) {
            throw new IllegalArgumentException("alarm " + id + ": a target belongs to DEVIATION alarms only");
        }
    }
}
