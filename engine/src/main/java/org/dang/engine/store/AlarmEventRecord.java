package org.dang.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One alarm state change as recorded in the {@code alarm_events} table.
 *
 * @param time     when it happened
 * @param tag      the tag, or the unit for unit-wide events (alarm flood)
 * @param alarm    the alarm's id, e.g. "TI-101.HIHI"
 * @param event    what happened, e.g. RAISED, ACKNOWLEDGED, SHELVED
 * @param priority the alarm's priority (CRITICAL, HIGH, MEDIUM, LOW)
 * @param actor    who did it, or null for the alarm system itself
 * @param reason   why (a shelve reason), or null
 * @param detail   state, value, limit and message as one-line JSON
 */
public record AlarmEventRecord(Instant time, String tag, String alarm, String event, String priority, String actor,
                               String reason, String detail) {
    public AlarmEventRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(priority, "priority");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
