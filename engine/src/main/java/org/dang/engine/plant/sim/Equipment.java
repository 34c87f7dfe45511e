package org.dang.engine.plant.sim;

import java.util.Locale;

/** Equipment that degrades and that a maintenance window restores. */
public enum Equipment {
    FURNACE, PREHEAT, FEED_PUMP;

    /** Name in schedule files, e.g. {@code feed_pump}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The equipment with this schedule-file name. */
    public static Equipment parse(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
