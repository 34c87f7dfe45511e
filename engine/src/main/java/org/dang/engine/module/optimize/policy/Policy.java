package org.dang.engine.module.optimize.policy;

import org.dang.engine.module.optimize.env.Observation;

/**
 * An operator agent: from an observation to proposed setpoints in unit coordinates. What it
 * returns is only a proposal; the safety layer decides what reaches the plant.
 */
public interface Policy {

    /** Proposed setpoints (unit coordinates, one per setpoint) for {@code observation}. */
    double[] act(Observation observation);
}
