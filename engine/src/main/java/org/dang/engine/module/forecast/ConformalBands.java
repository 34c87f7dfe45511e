package org.dang.engine.module.forecast;

import java.util.Arrays;

/**
 * Split-conformal prediction intervals, one pair of half-widths per horizon step: the
 * ⌈(n + 1)(1 − α)⌉-th smallest absolute backtest residual of that step (n residuals), so a step whose
 * forecasts were worse in the backtest gets a wider band. With too few residuals for a level the
 * half-width is infinite rather than too narrow.
 *
 * @param half80       half-width of the 80% interval for steps 1..H
 * @param half95       half-width of the 95% interval for steps 1..H
 * @param calibration  residuals behind each step
 */
public record ConformalBands(double[] half80, double[] half95, int[] calibration) {

    /** Copies the arrays. */
    public ConformalBands {
        half80 = half80.clone();
        half95 = half95.clone();
        calibration = calibration.clone();
        if (half80.length != half95.length || half80.length != calibration.length) {
            throw new IllegalArgumentException("one half-width per step and level is needed");
        }
    }

    /** Calibrates on the residuals of every step of a backtest. */
    public static ConformalBands fromBacktest(BacktestResult backtest) {
        return calibrate(backtest);
    }

    private static ConformalBands calibrate(BacktestResult backtest) {
        int horizon = backtest.steps().size();
        double[] h80 = new double[horizon];
        double[] h95 = new double[horizon];
        int[] counts = new int[horizon];
        for (int h = 1; h <= horizon; h++) {
            double[] r = backtest.residuals(h);
            counts[h - 1] = r.length;
            h80[h - 1] = halfWidth(r, 0.80);
            h95[h - 1] = halfWidth(r, 0.95);
        }
        return new ConformalBands(h80, h95, counts);
    }

    /** The conformal quantile of |residual| for coverage {@code level} in (0, 1). */
    public static double halfWidth(double[] residuals, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("coverage level must be in (0, 1), got " + level);
        }
        double[] abs = Arrays.stream(residuals).filter(Double::isFinite).map(Math::abs).sorted().toArray();
        int n = abs.length;
        int k = (int) Math.ceil((n + 1) * level);
        return k > n || n == 0 ? Double.POSITIVE_INFINITY : abs[k - 1];
    }

    /** Number of steps. */
    public int horizon() {
        return half80.length;
    }

    @Override
    public double[] half80() {
        return half80.clone();
    }

    @Override
    public double[] half95() {
        return half95.clone();
    }

    @Override
    public int[] calibration() {
        return calibration.clone();
    }

    /** Half-width of step h (1-based) at 80%. */
    public double half80(int step) {
        return half80[step - 1];
    }

    /** Half-width of step h (1-based) at 95%. */
    public double half95(int step) {
        return half95[step - 1];
    }
}
