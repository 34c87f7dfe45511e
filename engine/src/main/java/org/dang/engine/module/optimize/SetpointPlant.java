package org.dang.engine.module.optimize;

import org.dang.engine.module.optimize.safety.ApprovedMove;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduState;

/** The unit as the optimisation module sees it: its state, its conditions, and a setpoint input that takes only approved moves. */
public interface SetpointPlant {

    /** The latest state (measurements and setpoints in force). */
    CduState state();

    /** The conditions in force (for the steady-state model). */
    CduConditions conditions();

    /** Applies an approved move. */
    void apply(ApprovedMove move);

    /** For people: which plant this is. */
    String name();
}
