package org.dang.engine.situation;

/** Data quality of a tag value; anything but GOOD blocks the modules that need the tag (rule 1). */
public enum Quality {
    GOOD, STALE, MISSING, FLATLINE, OUT_OF_RANGE, SPIKE, BAD;

    /** True when a value of this quality may feed a module. */
    public boolean usable() {
        return this == GOOD;
    }
}
