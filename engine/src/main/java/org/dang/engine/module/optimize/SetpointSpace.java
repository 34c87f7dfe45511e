package org.dang.engine.module.optimize;

import java.util.List;

import org.dang.engine.plant.sim.SetpointRange;
import org.dang.engine.plant.sim.Setpoints;

/**
 * The six CDU setpoints as a vector in unit coordinates: 0 at each setpoint's minimum, 1 at its
 * maximum. Policies, the safety layer and the oracle all work in these coordinates, so a move of
 * 0.05 means the same share of the operating window for every setpoint.
 */
public final class SetpointSpace {

    /** Number of setpoints. */
    public static final int SIZE = 6;

    private SetpointSpace() {
    }

    /** The setpoint ranges, in vector order (COT, charge, reflux, steam, kero draw, diesel draw). */
    public static List<SetpointRange> ranges() {
        return Setpoints.ranges();
    }

    /** Setpoint names in vector order. */
    public static List<String> names() {
        return ranges().stream().map(SetpointRange::name).toList();
    }

    /** {@code sp} in unit coordinates. */
    public static double[] toUnit(Setpoints sp) {
        double[] v = {sp.coilOutletTemp(), sp.feedRate(), sp.refluxRatio(), sp.strippingSteam(), sp.keroDrawTemp(),
                sp.dieselDrawTemp()};
        List<SetpointRange> r = ranges();
        for (int i = 0; i < SIZE; i++) {
            v[i] = (v[i] - r.get(i).min()) / (r.get(i).max() - r.get(i).min());
        }
        return v;
    }

    /** Setpoints from unit coordinates, each clamped into its range; {@code u} must hold six finite values. */
    public static Setpoints fromUnit(double[] u) {
        List<SetpointRange> r = ranges();
        double[] v = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double x = Math.max(0, Math.min(1, u[i]));
            v[i] = r.get(i).min() + x * (r.get(i).max() - r.get(i).min());
        }
        return Setpoints.clamped(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /** The value of setpoint {@code i} of {@code sp} in engineering units. */
    public static double value(Setpoints sp, int i) {
        return switch (i) {
            case 0 -> sp.coilOutletTemp();
            case 1 -> sp.feedRate();
            case 2 -> sp.refluxRatio();
            case 3 -> sp.strippingSteam();
            case 4 -> sp.keroDrawTemp();
            case 5 -> sp.dieselDrawTemp();
            default -> throw new IndexOutOfBoundsException("setpoint index " + i);
        };
    }

    /** {@code base} with setpoint {@code i} taken from {@code from}. */
    public static Setpoints with(Setpoints base, int i, Setpoints from) {
        double v = value(from, i);
        return switch (i) {
            case 0 -> base.withCoilOutletTemp(v);
            case 1 -> base.withFeedRate(v);
            case 2 -> base.withRefluxRatio(v);
            case 3 -> base.withStrippingSteam(v);
            case 4 -> base.withKeroDrawTemp(v);
            case 5 -> base.withDieselDrawTemp(v);
            default -> throw new IndexOutOfBoundsException("setpoint index " + i);
        };
    }
}
