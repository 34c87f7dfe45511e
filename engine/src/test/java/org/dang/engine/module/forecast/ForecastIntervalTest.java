package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ForecastIntervalTest {

    private static final int H = 4;

    /** A stationary AR(1): errors grow with the step, so the bands must widen; stationarity keeps the data exchangeable enough for conformal coverage. */
    private static double[] ar(int n, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[n];
        for (int t = 1; t < n; t++) {
            y[t] = 0.6 * y[t - 1] + rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void conformalHalfWidthIsTheRightOrderStatistic() {
        double[] r = {-5, 1, -2, 4, 3, -0.5, 2.5, -1.5, 0.2, 6};
        // n = 10: 80% → ⌈11 × 0.8⌉ = 9th smallest |r| = 5; 95% → ⌈10.45⌉ = 11 > n → infinite.
        assertEquals(5, ConformalBands.halfWidth(r, 0.80), 0);
        assertEquals(Double.POSITIVE_INFINITY, ConformalBands.halfWidth(r, 0.95), 0);
    }

    @Test
    void bandsWidenWithTheHorizonAndCoverNewDataAtTheirLevel() {
        double[] y = ar(6000, 21);
        TimeSeriesTable calibration = TimeSeriesTable.ofRows(Map.of("y", java.util.Arrays.copyOf(y, 3000)));
        TimeSeriesTable all = TimeSeriesTable.ofRows(Map.of("y", y));
        for (ModelChoice choice : new ModelChoice[] {ModelChoice.RIDGE, ModelChoice.XGBOOST}) {
            ForecastPlan plan = new ForecastPlan(FeatureSpec.lags("y", 0, 1), Strategy.DIRECT, H, new RidgeRegressor(),
                    new XgbRegressor(3, 0.1, 60, 0.8, 2, 3L), SelectionPolicy.defaults(), 3, false);
            FamilyFit fit = plan.fit(calibration, choice, false, FitMonitor.none()).chosen();
            ConformalBands bands = fit.bands();
            // AR(1) error variance grows 1, 1.36, 1.49, 1.54: clearly from step 1 to 2 and to H, barely after.
            assertTrue(bands.half95(2) > 1.05 * bands.half95(1), choice + " 95% band widens at step 2");
            assertTrue(bands.half95(H) > 1.1 * bands.half95(1), choice + " 95% band is wider at step H");
            for (int h = 1; h <= H; h++) {
                assertTrue(bands.half80(h) < bands.half95(h));
            }
            // Coverage on the 3000 rows the models never saw; 1500 residuals per step calibrated the bands.
            int n = 0;
            int in80 = 0;
            int in95 = 0;
            for (int origin = 3000; origin < y.length - H; origin++) {
                double[] f = fit.fitted().forecastFrom(all, origin);
                for (int h = 1; h <= H; h++) {
                    double e = Math.abs(y[origin + h] - f[h - 1]);
                    n++;
                    in80 += e <= bands.half80(h) ? 1 : 0;
                    in95 += e <= bands.half95(h) ? 1 : 0;
                }
            }
            assertEquals(0.80, in80 / (double) n, 0.04, choice + " 80% coverage");
            assertEquals(0.95, in95 / (double) n, 0.025, choice + " 95% coverage");
        }
    }
}
