package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ForecastSelectionTest {

    private static final int H = 3;

    private static ForecastPlan plan() {
        return new ForecastPlan(FeatureSpec.lags("y", 0, 1, 2), Strategy.DIRECT, H, new RidgeRegressor(),
                new XgbRegressor(3, 0.1, 150, 0.8, 2, 7L), SelectionPolicy.defaults(), 4, false);
    }

    /** y[t] = 0.7 y[t−1] + noise. */
    private static TimeSeriesTable linearAr(int n, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[n];
        for (int t = 1; t < n; t++) {
            y[t] = 0.7 * y[t - 1] + rnd.nextGaussian();
        }
        return TimeSeriesTable.ofRows(Map.of("y", y));
    }

    /** A threshold AR process: y[t] = 1 + 1.6 y[t−1] at or below zero, 1 − 1.6 y[t−1] above, plus noise (chaotic, visits both regimes). */
    private static TimeSeriesTable threshold(int n, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[n];
        for (int t = 1; t < n; t++) {
            double prev = y[t - 1];
            y[t] = (prev <= 0 ? 1 + 1.6 * prev : 1 - 1.6 * prev) + 0.1 * rnd.nextGaussian();
        }
        return TimeSeriesTable.ofRows(Map.of("y", y));
    }

    @Test
    void linearArKeepsRidge() {
        ForecastFit fit = plan().fit(linearAr(600, 11), ModelChoice.AUTO, false, FitMonitor.none());
        assertEquals(ModelFamily.RIDGE, fit.selection().chosen(), fit.selection().reason());
        assertTrue(fit.selection().reason().startsWith("Ridge kept: XGBoost's RMSE was"), fit.selection().reason());
        assertTrue(fit.selection().test().isPresent());
        assertTrue(fit.selection().compared() >= 290, "every origin of the second half is compared");
    }

    @Test
    void thresholdProcessSelectsXgboostSignificantly() {
        ForecastFit fit = plan().fit(threshold(600, 12), ModelChoice.AUTO, false, FitMonitor.none());
        ModelSelection s = fit.selection();
        assertEquals(ModelFamily.XGBOOST, s.chosen(), s.reason());
        assertTrue(s.xgbRmse() < 0.95 * s.ridgeRmse());
        assertTrue(s.test().orElseThrow().pValue() < 0.05);
        assertTrue(s.reason().matches("XGBoost: \\d+% lower error, significant \\(DM p=.*\\)"), s.reason());
        assertTrue(fit.chosen().fitted() != null);
    }

    @Test
    void shortSeriesKeepsRidgeForLackOfEvidence() {
        // 50 rows: the backtest has about 25 origins, below the 30 the policy needs, even on a nonlinear series.
        ForecastFit fit = plan().fit(threshold(50, 13), ModelChoice.AUTO, false, FitMonitor.none());
        assertEquals(ModelFamily.RIDGE, fit.selection().chosen());
        assertTrue(fit.selection().reason().startsWith("Ridge kept: only "), fit.selection().reason());
    }

    @Test
    void seriesTooShortToBacktestIsRefusedWithTheRowsNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan().fit(linearAr(15, 1), ModelChoice.AUTO, false, FitMonitor.none()));
        assertTrue(e.getMessage().contains("too short: 15 rows"), e.getMessage());
    }

    @Test
    void marginBelowPolicyKeepsRidgeEvenWhenXgboostIsSlightlyBetter() {
        BacktestResult ridge = synthetic(new double[] {1.0}, 200, 0.0);
        BacktestResult xgb = synthetic(new double[] {0.98}, 200, 0.0);
        ModelSelection s = new ModelSelector(SelectionPolicy.defaults()).choose(ridge, xgb);
        assertEquals(ModelFamily.RIDGE, s.chosen());
        assertEquals("Ridge kept: XGBoost's RMSE was 2.0% lower, below the 5.0% margin", s.reason());
    }

    @Test
    void cancellationStopsTheBoostingLoop() {
        AtomicInteger checks = new AtomicInteger();
        FitMonitor cancelAfter = new FitMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void checkpoint() {
                if (checks.incrementAndGet() > 40) {
                    throw new CancellationException("cancelled");
                }
            }
        };
        assertThrows(CancellationException.class,
                () -> plan().fit(threshold(600, 3), ModelChoice.XGBOOST, false, cancelAfter));
        assertEquals(41, checks.get(), "stopped at the first checkpoint after cancellation, inside boosting");
    }

    @Test
    void dieboldMarianoMatchesHandComputedStatistic() {
        // d = e1² − e2² = {3, −1, 5, 1, 2}: mean 2, γ0 = 4, h = 1 → DM = 2 / sqrt(4/5) = 2.2361;
        // HLN factor sqrt((5 + 1 − 2 + 0) / 5) = 0.8944 → 2.0; two-sided t(4) p = 0.1161.
        double[] e1 = {2, 0, 3, 1, Math.sqrt(2)};
        double[] e2 = {1, 1, 2, 0, 0};
        DieboldMariano.Result r = DieboldMariano.test(e1, e2, 1);
        assertEquals(2.0, r.statistic(), 1e-9);
        assertEquals(0.1161, r.pValue(), 5e-4);
        DieboldMariano.Result same = DieboldMariano.test(e1, e1, 2);
        assertEquals(1.0, same.pValue(), 1e-12);
    }

    /** A backtest whose every origin has the same absolute error per step, alternating in sign and jittered. */
    private static BacktestResult synthetic(double[] error, int origins, double jitter) {
        java.util.List<OriginForecast> list = new java.util.ArrayList<>();
        Random rnd = new Random(1);
        for (int o = 0; o < origins; o++) {
            double[] f = new double[error.length];
            double[] a = new double[error.length];
            for (int h = 0; h < error.length; h++) {
                double e = (1 + 0.1 * rnd.nextGaussian()) * error[h] + jitter;
                a[h] = f[h] + (o % 2 == 0 ? e : -e);
            }
            list.add(new OriginForecast(o, java.time.Instant.ofEpochSecond(o), f, a, 1));
        }
        return new BacktestResult(java.util.List.of(new StepMetrics(1, origins, 0, 0, 0, 0)), list, 1);
    }
}
