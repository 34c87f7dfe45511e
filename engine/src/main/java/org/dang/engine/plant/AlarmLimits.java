package org.dang.engine.plant;

import org.dang.engine.decision.AlertPriority;

/**
 * Absolute alarm limits of a tag, from the tag file; any limit may be null (not configured).
 *
 * @param loLo     low-low limit
 * @param lo       low limit
 * @param hi       high limit
 * @param hiHi     high-high limit
 * @param priority priority of the HI/LO alarms (HIHI/LOLO are one step higher)
 * @param deadband how far back inside a limit the value must come before the alarm clears
 */
public record AlarmLimits(Double loLo, Double lo, Double hi, Double hiHi, AlertPriority priority, double deadband) {

    /** No alarm limits. */
    public static AlarmLimits none() {
        return new AlarmLimits(null, null, null, null, AlertPriority.LOW, 0);
    }
}
