package org.dang.engine.module.optimize;

import java.util.Locale;

import org.dang.engine.plant.sim.SetpointRange;

/**
 * An operator's own target for one setpoint ("coil outlet to 365"): the optimisation module turns it
 * into a proposal like any other, checked by the safety layer, which the operator then approves or
 * rejects. It never moves the plant by itself.
 *
 * @param setpoint a setpoint name of {@link SetpointSpace#names()}, e.g. {@code coil_outlet_temp}
 * @param value    the target in the setpoint's engineering unit, within its range
 */
public record SetpointTarget(String setpoint, double value) {

    /** Validates the name and the range; the message names the setpoint and its range. */
    public SetpointTarget {
        int i = SetpointSpace.names().indexOf(setpoint);
        if (i < 0) {
            throw new IllegalArgumentException("setpoint: '" + setpoint + "' is not a setpoint; setpoints: "
                    + SetpointSpace.names());
        }
        SetpointRange r = SetpointSpace.ranges().get(i);
        if (!Double.isFinite(value) || value < r.min() || value > r.max()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "target: %s of %s is outside its range %s to %s %s", value, setpoint, trim(r.min()), trim(r.max()),
                    r.unit()));
        }
    }

    /** The index of the setpoint in {@link SetpointSpace}. */
    public int index() {
        return SetpointSpace.names().indexOf(setpoint);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
