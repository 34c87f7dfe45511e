package org.dang.engine.alarm;

/** What an alarm watches on its tag. */
public enum AlarmKind {
    /** Value above the high-high limit. */
    HIHI,
    /** Value above the high limit. */
    HI,
    /** Value below the low limit. */
    LO,
    /** Value below the low-low limit. */
    LOLO,
    /** Value further from its target (set point) than the allowed deviation. */
    DEVIATION,
    /** Value changing faster than the allowed rate, in engineering units per minute, either way. */
    RATE,
    /** Tag data quality not GOOD (stale, missing, flat-lined, out of range, spiking or bad). */
    QUALITY
}
