package org.dang.engine.module.optimize.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.Constraint;
import org.dang.engine.plant.sim.OperatingPoint;
import org.dang.engine.plant.sim.Setpoints;

/**
 * The safety layer between any policy (or optimiser, or person) and the plant. In order: rejects
 * malformed proposals (wrong length, NaN), clips to the setpoint ranges, limits each setpoint's
 * move per decision, predicts the steady state with the simulator's model and, when a hard
 * constraint would come within its back-off, projects the move onto the constraint set (linearised
 * least-norm correction), then shortens it along the line from the present setpoints; a move that
 * still breaks a constraint is refused with the reason. Stateless and thread-safe.
 */
public final class SafetyLayer {

    private static final int PROJECTION_STEPS = 8;
    private static final int LINE_STEPS = 14;
    private static final double DIFF_STEP = 1e-4;
    /** Projection aims this far (scaled units) inside the backed-off limit, so one step usually suffices. */
    private static final double AIM_INSIDE = 0.02;

    private final CduSteadyStateModel model;
    private final SafetyLimits limits;
    private final MoveLimits moves;
    private final double[] rate;

    /** A safety layer over {@code model} with these back-offs and move limits. */
    public SafetyLayer(CduSteadyStateModel model, SafetyLimits limits, MoveLimits moves) {
        this.model = Objects.requireNonNull(model, "model");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.moves = Objects.requireNonNull(moves, "moves");
        this.rate = moves.unit();
    }

    /** The default back-offs and move limits. */
    public static SafetyLayer defaults() {
        return new SafetyLayer(new CduSteadyStateModel(), SafetyLimits.defaults(), MoveLimits.defaults());
    }

    /** The back-offs. */
    public SafetyLimits limits() {
        return limits;
    }

    /** The move limits. */
    public MoveLimits moveLimits() {
        return moves;
    }

    /** Checks a proposal given as engineering setpoints. */
    public SafetyVerdict check(CduConditions now, Setpoints current, Setpoints proposed) {
        return check(now, current, SetpointSpace.toUnit(proposed));
    }

    /**
     * Checks a proposal in unit coordinates (what a policy outputs; any values, NaN and infinities
     * included) against the conditions {@code now} with {@code current} setpoints in force.
     */
    public SafetyVerdict check(CduConditions now, Setpoints current, double[] proposal) {
        Objects.requireNonNull(now, "conditions");
        Objects.requireNonNull(current, "current setpoints");
        return checked(now, current, proposal);
    }

    private SafetyVerdict checked(CduConditions now, Setpoints current, double[] proposal) {
        List<String> names = SetpointSpace.names();
        if (proposal == null || proposal.length != SetpointSpace.SIZE) {
            return new SafetyVerdict.Refused("proposal has " + (proposal == null ? "no" : proposal.length)
                    + " values; one per setpoint (" + SetpointSpace.SIZE + ") is needed", current, List.of());
        }
        for (int i = 0; i < proposal.length; i++) {
            if (Double.isNaN(proposal[i])) {
                return new SafetyVerdict.Refused("proposal for " + names.get(i) + " is NaN", current, List.of());
            }
        }
        double[] x0 = SetpointSpace.toUnit(current);
        double[] lo = new double[x0.length];
        double[] hi = new double[x0.length];
        double[] y = new double[x0.length];
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < x0.length; i++) {
            lo[i] = Math.max(0, x0[i] - rate[i]);
            hi[i] = Math.min(1, x0[i] + rate[i]);
            double p = proposal[i];
            if (p < 0 || p > 1) {
                notes.add(names.get(i) + " clipped to its range");
            }
            double clipped = Math.max(0, Math.min(1, p));
            y[i] = Math.max(lo[i], Math.min(hi[i], clipped));
            if (y[i] != clipped) {
                notes.add(names.get(i) + " move limited to " + fmt(moveLimit(i)) + " " + SetpointSpace.ranges().get(i).unit());
            }
            if (Math.abs(y[i] - x0[i]) < 1e-12) {
                y[i] = x0[i]; // an unchanged setpoint stays bit-identical
            }
        }
        OperatingPoint atProposal = predict(now, y, current);
        double[] ex = limits.excesses(atProposal.constraints());
        if (max(ex) <= 0) {
            return accept(now, current, atProposal, notes);
        }
        OperatingPoint atCurrent = model.predict(now, current);
        double currentExcess = totalExcess(limits.excesses(atCurrent.constraints()));

        double[] z = y.clone();
        double[] exz = ex;
        OperatingPoint atZ = atProposal;
        for (int step = 0; step < PROJECTION_STEPS && max(exz) > 0; step++) {
            z = project(now, current, z, exz, lo, hi);
            atZ = predict(now, z, current);
            exz = limits.excesses(atZ.constraints());
        }
        if (max(exz) <= 0) {
            notes.add("projected onto " + activeNames(atProposal, ex));
            return accept(now, current, atZ, notes);
        }
        if (currentExcess <= 0) {
            // Present point is safe: walk the line towards the proposal as far as the constraints allow.
            double a = 0;
            double b = 1;
            OperatingPoint best = null;
            for (int k = 0; k < LINE_STEPS; k++) {
                double m = (a + b) / 2;
                OperatingPoint p = predict(now, lerp(x0, y, m), current);
                if (max(limits.excesses(p.constraints())) <= 0) {
                    a = m;
                    best = p;
                } else {
                    b = m;
                }
            }
            if (best != null && a > 0.01) {
                notes.add(String.format(Locale.ROOT, "shortened to %.0f%% of the move: %s", 100 * a,
                        activeNames(atProposal, ex)));
                return accept(now, current, best, notes);
            }
        } else if (totalExcess(exz) < currentExcess - 1e-9 || totalExcess(ex) < currentExcess - 1e-9) {
            // Present point already beyond a limit (a disturbance): accept a move that reduces the excess.
            boolean projected = totalExcess(exz) <= totalExcess(ex);
            notes.add("recovery: reduces the predicted excess over " + activeNames(atCurrent,
                    limits.excesses(atCurrent.constraints())));
            return accept(now, current, projected ? atZ : atProposal, notes);
        }
        List<Constraint> broken = new ArrayList<>();
        StringBuilder why = new StringBuilder("refused: the move is predicted to break");
        var all = atProposal.constraints().all();
        for (int i = 0; i < all.size(); i++) {
            if (ex[i] > 0) {
                Constraint c = all.get(i);
                broken.add(c);
                why.append(String.format(Locale.ROOT, " %s %s %s (limit %s, back-off %s);", c.name(), fmt(c.value()),
                        c.unit(), fmt(c.limit()), fmt(limits.backoff(c.name()))));
            }
        }
        why.append(" no safe part of it was found");
        return new SafetyVerdict.Refused(why.toString(), current, broken);
    }

    private SafetyVerdict accept(CduConditions now, Setpoints current, OperatingPoint at, List<String> notes) {
        return new SafetyVerdict.Accepted(new SafeMove(now.time(), current, at.setpoints(), at, notes));
    }

    /** One linearised least-norm correction of the violated constraints, kept inside the boxes. */
    private double[] project(CduConditions now, Setpoints current, double[] z, double[] ex, double[] lo, double[] hi) {
        int n = z.length;
        List<Integer> act = new ArrayList<>();
        for (int i = 0; i < ex.length; i++) {
            if (ex[i] > 0) {
                act.add(i);
            }
        }
        int m = act.size();
        double[][] jac = new double[m][n];
        for (int j = 0; j < n; j++) {
            double h = z[j] + DIFF_STEP <= 1 ? DIFF_STEP : -DIFF_STEP;
            double[] zp = z.clone();
            zp[j] += h;
            double[] exp = limits.excesses(predict(now, zp, current).constraints());
            for (int r = 0; r < m; r++) {
                jac[r][j] = (exp[act.get(r)] - ex[act.get(r)]) / h;
            }
        }
        // Solve (J J^T + eps I) lambda = ex + aim, then dz = -J^T lambda.
        double[][] a = new double[m][m + 1];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += jac[r][j] * jac[c][j];
                }
                a[r][c] = s + (r == c ? 1e-9 : 0);
            }
            a[r][m] = ex[act.get(r)] + AIM_INSIDE;
        }
        double[] lambda = solve(a);
        double[] out = z.clone();
        for (int j = 0; j < n; j++) {
            double d = 0;
            for (int r = 0; r < m; r++) {
                d -= jac[r][j] * lambda[r];
            }
            out[j] = Math.max(lo[j], Math.min(hi[j], z[j] + d));
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix (tiny systems only). */
    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double d = a[c][c];
            if (Math.abs(d) < 1e-15) {
                continue;
            }
            for (int r = 0; r < m; r++) {
                if (r != c) {
                    double f = a[r][c] / d;
                    for (int k = c; k <= m; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = 0; r < m; r++) {
            x[r] = Math.abs(a[r][r]) < 1e-15 ? 0 : a[r][m] / a[r][r];
        }
        return x;
    }

    private OperatingPoint predict(CduConditions now, double[] unit, Setpoints current) {
        Setpoints sp = SetpointSpace.fromUnit(unit);
        double[] x0 = SetpointSpace.toUnit(current);
        for (int i = 0; i < unit.length; i++) {
            if (Math.abs(unit[i] - x0[i]) < 1e-9) {
                sp = SetpointSpace.with(sp, i, current); // an untouched setpoint keeps its exact value
            }
        }
        return model.predict(now, sp);
    }

    private static double[] lerp(double[] a, double[] b, double t) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + t * (b[i] - a[i]);
        }
        return r;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double totalExcess(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.max(0, x);
        }
        return s;
    }

    private static String activeNames(OperatingPoint p, double[] ex) {
        List<String> n = new ArrayList<>();
        var all = p.constraints().all();
        for (int i = 0; i < ex.length; i++) {
            if (ex[i] > 0) {
                n.add(all.get(i).name());
            }
        }
        return String.join(", ", n);
    }

    private double moveLimit(int i) {
        return switch (i) {
            case 0 -> moves.coilOutletTemp();
            case 1 -> moves.feedRate();
            case 2 -> moves.refluxRatio();
            case 3 -> moves.strippingSteam();
            case 4 -> moves.keroDrawTemp();
            default -> moves.dieselDrawTemp();
        };
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
