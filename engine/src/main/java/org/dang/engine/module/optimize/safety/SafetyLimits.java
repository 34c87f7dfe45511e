package org.dang.engine.module.optimize.safety;

import org.dang.engine.plant.sim.Constraint;
import org.dang.engine.plant.sim.CduConstraints;

/**
 * How close to each hard constraint the safety layer lets a predicted steady state come, and the
 * scale that makes the constraints comparable. A back-off covers what the steady-state prediction
 * cannot know: crude-quality wander, the daily air cycle and fouling that creeps on between two
 * decisions.
 *
 * @param tmtBackoff       degC below the tube-metal limit
 * @param floodingBackoff  fraction of flood below the flooding limit
 * @param pressureBackoff  barg below the top-pressure limit
 * @param flashBackoff     degC above the kerosene flash minimum
 * @param t95Backoff       degC below the diesel 95 % point maximum
 * @param pumpBackoff      bbl/d below the charge pump's capacity
 * @param firingBackoff    GJ/h below the burner capacity
 */
public record SafetyLimits(double tmtBackoff, double floodingBackoff, double pressureBackoff, double flashBackoff,
                           double t95Backoff, double pumpBackoff, double firingBackoff) {

    public SafetyLimits {
        double[] all = {tmtBackoff, floodingBackoff, pressureBackoff, flashBackoff, t95Backoff, pumpBackoff,
                firingBackoff};
        for (double b : all) {
            if (!(b >= 0) || Double.isInfinite(b)) {
                throw new IllegalArgumentException("safety back-offs must be finite and 0 or more, got " + b);
            }
        }
    }

    /** The defaults documented in docs/optimization.md. */
    public static SafetyLimits defaults() {
        return new SafetyLimits(5, 0.01, 0.05, 0.5, 1.0, 500, 3);
    }

    /** Back-off of constraint {@code name}. */
    public double backoff(String name) {
        return switch (name) {
            case "tube_metal_temp" -> tmtBackoff;
            case "column_flooding" -> floodingBackoff;
            case "top_pressure" -> pressureBackoff;
            case "kero_flash" -> flashBackoff;
            case "diesel_t95" -> t95Backoff;
            case "feed_pump_capacity" -> pumpBackoff;
            case "furnace_firing" -> firingBackoff;
            default -> throw new IllegalArgumentException("no back-off for constraint " + name);
        };
    }

    /** Scale of one unit of violation of {@code name} (about a tenth of its usual operating span). */
    static double scale(String name) {
        return switch (name) {
            case "tube_metal_temp" -> 10;
            case "column_flooding" -> 0.02;
            case "top_pressure" -> 0.05;
            case "kero_flash" -> 1;
            case "diesel_t95" -> 2;
            case "feed_pump_capacity" -> 2000;
            case "furnace_firing" -> 5;
            default -> throw new IllegalArgumentException("no scale for constraint " + name);
        };
    }

    /** Scaled excess of {@code c} over its backed-off limit: positive when the safety layer refuses it. */
    public double excess(Constraint c) {
        double b = backoff(c.name());
        double e = c.bound() == Constraint.Bound.MAX ? c.value() - (c.limit() - b) : (c.limit() + b) - c.value();
        return e / scale(c.name());
    }

    /** Scaled excesses of all seven constraints, in {@link CduConstraints#all()} order. */
    public double[] excesses(CduConstraints cs) {
        var all = cs.all();
        double[] e = new double[all.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = excess(all.get(i));
        }
        return e;
    }
}
