package org.dang.engine.plant.sim;

/** The allowed range of one setpoint, with its nominal value. */
public record SetpointRange(String name, double min, double nominal, double max, String unit) {

    /** True when {@code value} lies in the range (inclusive). */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** {@code value} moved into the range. */
    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    void check(double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException("setpoint " + name + " = " + value + " " + unit + " is outside "
                    + min + " .. " + max + " " + unit);
        }
    }
}
