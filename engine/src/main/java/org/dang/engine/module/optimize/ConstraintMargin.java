package org.dang.engine.module.optimize;

/**
 * A hard constraint before and after a proposed move (steady state, as the model predicts).
 *
 * @param constraint name, e.g. {@code diesel_t95}
 * @param unit       engineering unit
 * @param limit      the hard limit
 * @param maximum    true when the value must stay below the limit
 * @param current    predicted value with the present setpoints
 * @param proposed   predicted value after the move
 */
public record ConstraintMargin(String constraint, String unit, double limit, boolean maximum, double current,
                               double proposed) {

    /** Distance to the limit after the move, positive while inside. */
    public double marginAfter() {
        return maximum ? limit - proposed : proposed - limit;
    }

    /** Distance to the limit now, positive while inside. */
    public double marginNow() {
        return maximum ? limit - current : current - limit;
    }
}
