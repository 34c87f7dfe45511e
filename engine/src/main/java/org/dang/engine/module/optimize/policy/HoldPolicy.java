package org.dang.engine.module.optimize.policy;

import org.dang.engine.module.optimize.env.Observation;

/** The baseline that keeps every setpoint where it is. */
public final class HoldPolicy implements Policy {

    @Override
    public double[] act(Observation observation) {
        return observation.setpoints();
    }
}
