package org.dang.engine.plant.sim;

/**
 * One operating constraint: its present value against its limit.
 *
 * @param name  constraint name, e.g. {@code tube_metal_temp}
 * @param value present value (noise-free)
 * @param limit the limit
 * @param bound whether the value must stay below (MAX) or above (MIN) the limit
 * @param unit  engineering unit
 */
public record Constraint(String name, double value, double limit, Bound bound, String unit) {

    /** Which side of the limit is allowed. */
    public enum Bound { MAX, MIN }

    /** True when the value is beyond the limit. */
    public boolean violated() {
        return bound == Bound.MAX ? value > limit : value < limit;
    }

    /** Distance to the limit, positive while satisfied. */
    public double margin() {
        return bound == Bound.MAX ? limit - value : value - limit;
    }
}
