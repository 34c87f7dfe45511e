package org.dang.engine.alarm;

import java.time.Instant;
import java.util.Objects;

import org.dang.engine.decision.AlertPriority;

/**
 * One alarm state change (or a flood start or end), as listeners and the journal receive it.
 *
 * @param time     scan time for what the process did; the board's clock for what people did and for shelve expiry
 * @param type     what happened
 * @param alarmId  the alarm, or {@code <unit>.FLOOD} for flood events
 * @param tag      the alarm's tag, or the unit for flood events
 * @param kind     the alarm's kind; null for flood events
 * @param priority the alarm's priority; HIGH for flood events
 * @param state    the alarm's state after the change; null for flood events
 * @param value    the measured value (the rate for RATE alarms), NaN when unknown; for flood events the
 *                 activations in the flood window
 * @param limit    the alarm's limit, NaN when it has none; for flood events the flood threshold
 * @param actor    the operator's name for commands, null for the alarm system
 * @param reason   a shelve reason, or null
 * @param message  operator-readable text
 */
public record AlarmEvent(Instant time, AlarmEventType type, String alarmId, String tag, AlarmKind kind,
                         AlertPriority priority, AlarmState state, double value, double limit, String actor,
                         String reason, String message) {
    public AlarmEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(priority, "priority");
        message = Objects.requireNonNullElse(message, "");
    }
}
