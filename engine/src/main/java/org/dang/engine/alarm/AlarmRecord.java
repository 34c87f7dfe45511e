package org.dang.engine.alarm;

import java.time.Instant;

import org.dang.engine.decision.AlertPriority;

/**
 * One alarm as the console shows it.
 *
 * @param id             alarm id, e.g. "TI-101.HI"
 * @param tag            its tag
 * @param kind           what it watches
 * @param priority       its priority
 * @param state          ISA-18.2 state (or SHELVED, SUPPRESSED)
 * @param active         whether its condition is active now (also while shelved)
 * @param raisedAt       when it last activated, or null
 * @param clearedAt      when it last cleared, or null
 * @param acknowledgedAt when its current activation was acknowledged, or null
 * @param acknowledgedBy who acknowledged it, or null
 * @param value          the last measured value (the rate for RATE alarms), NaN when unknown
 * @param limit          its limit, NaN for QUALITY alarms
 * @param message        operator-readable text
 * @param chattering     whether it is chattering (3 activations within 60 s by default)
 * @param shelvedUntil   shelve expiry, or null when not shelved
 * @param shelvedBy      who shelved it, or null
 * @param shelveReason   why it was shelved, or null
 */
public record AlarmRecord(String id, String tag, AlarmKind kind, AlertPriority priority, AlarmState state,
                          boolean active, Instant raisedAt, Instant clearedAt, Instant acknowledgedAt,
                          String acknowledgedBy, double value, double limit, String message, boolean chattering,
                          Instant shelvedUntil, String shelvedBy, String shelveReason) {
}
