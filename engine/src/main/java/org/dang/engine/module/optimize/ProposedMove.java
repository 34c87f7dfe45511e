package org.dang.engine.module.optimize;

/**
 * One row of a proposal: a setpoint, where it is and where the agent proposes to take it.
 *
 * @param setpoint name, e.g. {@code coil_outlet_temp}
 * @param unit     engineering unit
 * @param current  value in force
 * @param proposed proposed value (after the safety layer)
 */
public record ProposedMove(String setpoint, String unit, double current, double proposed) {

    /** Proposed minus current. */
    public double change() {
        return proposed - current;
    }

    /** True when the row moves the setpoint. */
    public boolean moves() {
        return proposed != current;
    }
}
