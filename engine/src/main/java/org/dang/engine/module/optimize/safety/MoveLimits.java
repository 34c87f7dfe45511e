package org.dang.engine.module.optimize.safety;

import java.util.List;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.plant.sim.SetpointRange;

/**
 * The largest change of each setpoint in one decision, in engineering units (COT, charge, reflux
 * ratio, stripping steam, kerosene draw, diesel draw): operators move a crude unit in small steps
 * so the controllers and the column settle between them.
 */
public record MoveLimits(double coilOutletTemp, double feedRate, double refluxRatio, double strippingSteam,
                         double keroDrawTemp, double dieselDrawTemp) {

    public MoveLimits {
        for (double v : new double[] {coilOutletTemp, feedRate, refluxRatio, strippingSteam, keroDrawTemp,
                dieselDrawTemp}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("move limits must be finite and positive, got " + v);
            }
        }
    }

    /** The defaults documented in docs/optimization.md. */
    public static MoveLimits defaults() {
        return new MoveLimits(4, 4000, 0.15, 0.6, 4, 4);
    }

    /** Each limit in unit coordinates of {@link SetpointSpace}. */
    public double[] unit() {
        double[] v = {coilOutletTemp, feedRate, refluxRatio, strippingSteam, keroDrawTemp, dieselDrawTemp};
        List<SetpointRange> r = SetpointSpace.ranges();
        for (int i = 0; i < v.length; i++) {
            v[i] /= r.get(i).max() - r.get(i).min();
        }
        return v;
    }
}
