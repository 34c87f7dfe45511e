package org.dang.engine.alarm;

/** ISA-18.2 alarm states, plus SHELVED and SUPPRESSED (docs/alarms.md). */
public enum AlarmState {
    /** Condition clear, nothing to acknowledge. */
    NORMAL,
    /** Active and not yet acknowledged: annunciated, flashing. */
    UNACK_ACTIVE,
    /** Active and acknowledged. */
    ACK_ACTIVE,
    /** Returned to normal but not yet acknowledged. */
    UNACK_CLEARED,
    /** Taken out of annunciation by an operator until an expiry time; its condition is still followed. */
    SHELVED,
    /** Active, but suppressed as a consequential alarm during an alarm flood: recorded, not annunciated. */
    SUPPRESSED;

    /** True when the alarm is in the operator's alarm list (annunciated). */
    public boolean annunciated() {
        return this == UNACK_ACTIVE || this == ACK_ACTIVE || this == UNACK_CLEARED;
    }

    /** True when the operator still has to acknowledge it. */
    public boolean unacknowledged() {
        return this == UNACK_ACTIVE || this == UNACK_CLEARED;
    }
}
