package org.dang.engine.plant;

import java.util.Objects;

/**
 * What a tag is: description, engineering unit, physical range (values outside it are
 * OUT_OF_RANGE) and alarm limits.
 */
public record TagDefinition(String tag, String description, String unit, double low, double high,
                            AlarmLimits alarms) {
    public TagDefinition {
        Objects.requireNonNull(tag, "tag");
        description = Objects.requireNonNullElse(description, "");
        unit = Objects.requireNonNullElse(unit, "");
        alarms = Objects.requireNonNullElse(alarms, AlarmLimits.none());
        if (!(low < high)) {
            throw new IllegalArgumentException("tag " + tag + ": physical range low " + low + " must be below high "
                    + high);
        }
    }

    /** True when {@code value} lies within the physical range. */
    public boolean inRange(double value) {
        return value >= low && value <= high;
    }
}
