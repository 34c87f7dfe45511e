package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ForecastStrategyTest {

    private static final int H = 3;

    /** y[t] = 10 + 0.5 (y[t−1] − 10) + noise: mean-reverting, so the naive last value is beatable. */
    private static TimeSeriesTable ar1(int n, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[n];
        double[] x = new double[n];
        y[0] = 10;
        for (int t = 1; t < n; t++) {
            y[t] = 10 + 0.5 * (y[t - 1] - 10) + rnd.nextGaussian();
            x[t] = rnd.nextGaussian();
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("y", y);
        cols.put("x", x);
        return TimeSeriesTable.ofRows(cols);
    }

    @Test
    void directAndRecursiveBothBeatTheNaiveForecastOnAr1() {
        TimeSeriesTable table = ar1(600, 5);
        // Fit once on the first 300 rows and score every later origin.
        BacktestConfig once = new BacktestConfig(300, 1, 10_000, 0, BacktestConfig.Window.EXPANDING, 1);
        FeatureSpec spec = FeatureSpec.lags("y", 0, 1);
        for (Strategy s : Strategy.values()) {
            BacktestResult r = new Backtest(new Forecaster(spec, new RidgeRegressor(), s, H), once).run(table);
            assertEquals(1, r.fits());
            for (int h = 1; h <= H; h++) {
                double naive = naiveMae(table, r, h);
                double mae = r.step(h).mae();
                assertTrue(mae < 0.95 * naive, s + " step " + h + ": MAE " + mae + " vs naive " + naive);
            }
        }
    }

    @Test
    void recursiveStepOneEqualsDirectStepOne() {
        TimeSeriesTable table = ar1(200, 9);
        FeatureSpec spec = FeatureSpec.lags("y", 0, 1).withRollingWindows(4).withDifferences(0);
        double[] direct = new Forecaster(spec, new RidgeRegressor(), Strategy.DIRECT, H).forecast(table);
        double[] recursive = new Forecaster(spec, new RidgeRegressor(), Strategy.RECURSIVE, H).forecast(table);
        assertEquals(H, direct.length);
        assertEquals(direct[0], recursive[0], 1e-9);
        // Both head back towards the mean of 10 as the horizon grows.
        assertTrue(Math.abs(recursive[H - 1] - 10) < 1.5 && Math.abs(direct[H - 1] - 10) < 1.5);
    }

    @Test
    void recursiveRefusesExogenousFeatures() {
        FeatureSpec spec = FeatureSpec.lags("y", 0).withExogenous("x", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Forecaster(spec, new RidgeRegressor(), Strategy.RECURSIVE, 2));
        assertTrue(e.getMessage().contains("RECURSIVE") && e.getMessage().contains("[x]"), e.getMessage());
        // The direct strategy accepts the same spec.
        assertEquals(2, new Forecaster(spec, new RidgeRegressor(), Strategy.DIRECT, 2).forecast(ar1(50, 1)).length);
    }

    private static double naiveMae(TimeSeriesTable table, BacktestResult r, int h) {
        double s = 0;
        int n = 0;
        for (OriginForecast o : r.origins()) {
            double a = o.actual()[h - 1];
            if (!Double.isNaN(a)) {
                s += Math.abs(a - table.value("y", o.origin()));
                n++;
            }
        }
        return s / n;
    }
}
