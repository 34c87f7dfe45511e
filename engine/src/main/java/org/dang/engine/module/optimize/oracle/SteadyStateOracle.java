package org.dang.engine.module.optimize.oracle;

import java.util.Arrays;
import java.util.Objects;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.MersenneTwister;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.module.optimize.safety.SafetyLimits;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.OperatingPoint;
import org.dang.engine.plant.sim.Setpoints;

/**
 * The benchmark's oracle: knows the simulator's steady-state model and the present conditions
 * exactly and maximises the margin rate over all six setpoints within their ranges and the same
 * backed-off hard constraints the safety layer enforces (exact L1 penalty). Hipparchus CMA-ES from
 * two starts (the present setpoints and the middle of the window), then BOBYQA polishing the best;
 * no move limits. Deterministic for a given seed.
 */
public final class SteadyStateOracle {

    private static final double PENALTY = 1e5;

    private final int cmaEvals;
    private final int bobyqaEvals;
    private final CduSteadyStateModel model;
    private final SafetyLimits limits;
    private final long seed;

    /** An oracle over {@code model} with the safety layer's back-offs {@code limits}. */
    public SteadyStateOracle(CduSteadyStateModel model, SafetyLimits limits, long seed) {
        this(model, limits, seed, 3000, 2000);
    }

    /** An oracle with other evaluation budgets per CMA-ES start and for BOBYQA (cheaper, for demonstrations). */
    public SteadyStateOracle(CduSteadyStateModel model, SafetyLimits limits, long seed, int cmaEvals, int bobyqaEvals) {
        if (cmaEvals < 100 || bobyqaEvals < 100) {
            throw new IllegalArgumentException("oracle budgets must be at least 100 evaluations");
        }
        this.cmaEvals = cmaEvals;
        this.bobyqaEvals = bobyqaEvals;
        this.model = Objects.requireNonNull(model, "model");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.seed = seed;
    }

    /** The best safe setpoints under {@code now}, starting the search from {@code current}. */
    public OracleResult optimise(CduConditions now, Setpoints current) {
        int[] evaluations = {0};
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            evaluations[0]++;
            return -penalised(now, u);
        });
        double[] lo = new double[SetpointSpace.SIZE];
        double[] hi = new double[SetpointSpace.SIZE];
        Arrays.fill(hi, 1);
        SimpleBounds bounds = new SimpleBounds(lo, hi);
        double[] middle = new double[SetpointSpace.SIZE];
        Arrays.fill(middle, 0.5);
        double[] best = SetpointSpace.toUnit(current);
        double bestValue = penalised(now, best);
        for (double[] start : new double[][] {SetpointSpace.toUnit(current), middle}) {
            CMAESOptimizer cma = new CMAESOptimizer(cmaEvals, Double.NEGATIVE_INFINITY, true, 0, 0,
                    new MersenneTwister(seed), false, null);
            double[] sigma = new double[SetpointSpace.SIZE];
            Arrays.fill(sigma, 0.2);
            try {
                PointValuePair p = cma.optimize(new MaxEval(cmaEvals), f, GoalType.MINIMIZE, new InitialGuess(start),
                        bounds, new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(12));
                if (-p.getValue() > bestValue) {
                    bestValue = -p.getValue();
                    best = p.getPoint();
                }
            } catch (MathIllegalStateException e) {
                // Evaluation budget spent: keep the best found so far by the other starts.
            }
        }
        try {
            PointValuePair p = new BOBYQAOptimizer(2 * SetpointSpace.SIZE + 1, 0.05, 1e-7).optimize(
                    new MaxEval(bobyqaEvals), f, GoalType.MINIMIZE, new InitialGuess(clampInside(best)), bounds);
            if (-p.getValue() > bestValue) {
                best = p.getPoint();
            }
        } catch (MathIllegalStateException e) {
            // Polishing ran out of budget: the CMA-ES answer stands.
        }
        OperatingPoint point = model.predict(now, SetpointSpace.fromUnit(best));
        OperatingPoint held = model.predict(now, current);
        if (excess(point) > 0 && excess(held) <= 0) {
            // The penalty allows a hair's breadth beyond a limit: back off along the line to the present point.
            double[] x0 = SetpointSpace.toUnit(current);
            double a = 0;
            double b = 1;
            OperatingPoint safe = held;
            for (int k = 0; k < 40; k++) {
                double m = (a + b) / 2;
                double[] u = new double[x0.length];
                for (int i = 0; i < u.length; i++) {
                    u[i] = x0[i] + m * (best[i] - x0[i]);
                }
                OperatingPoint p = model.predict(now, SetpointSpace.fromUnit(u));
                if (excess(p) <= 0) {
                    a = m;
                    safe = p;
                } else {
                    b = m;
                }
            }
            point = safe;
        }
        return new OracleResult(point, evaluations[0]);
    }

    private double penalised(CduConditions now, double[] u) {
        OperatingPoint p = model.predict(now, SetpointSpace.fromUnit(u));
        return p.marginRate() - PENALTY * excess(p);
    }

    private double excess(OperatingPoint p) {
        double s = 0;
        for (double e : limits.excesses(p.constraints())) {
            s += Math.max(0, e);
        }
        return s;
    }

    /** BOBYQA needs its start strictly inside the bounds. */
    private static double[] clampInside(double[] u) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = Math.max(1e-6, Math.min(1 - 1e-6, u[i]));
        }
        return r;
    }
}
