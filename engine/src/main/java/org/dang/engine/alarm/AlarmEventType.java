package org.dang.engine.alarm;

/** What happened to an alarm (or, for the flood events, to the unit's alarm system). */
public enum AlarmEventType {
    /** The alarm activated and is annunciated. */
    RAISED,
    /** The alarm's condition returned to normal. */
    CLEARED,
    /** An operator acknowledged it. */
    ACKNOWLEDGED,
    /** An operator shelved it. */
    SHELVED,
    /** It came off the shelf, by an operator or at expiry. */
    UNSHELVED,
    /** It activated during an alarm flood and was suppressed (recorded, not annunciated). */
    SUPPRESSED,
    /** It activated often enough in a short time to count as chattering. */
    CHATTERING,
    /** The unit went into alarm flood. */
    FLOOD_STARTED,
    /** The alarm flood ended. */
    FLOOD_ENDED
}
