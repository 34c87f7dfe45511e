package org.dang.engine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.dang.engine.module.forecast.FeatureBuilder;
import org.dang.engine.module.forecast.FeatureSpec;
import org.dang.engine.module.forecast.FittedForecaster;
import org.dang.engine.module.forecast.Forecaster;
import org.dang.engine.module.forecast.Regressor;
import org.dang.engine.module.forecast.Strategy;
import org.dang.engine.module.forecast.TimeSeriesTable;

/**
 * Fit plus a 24-step forecast on a synthetic hourly series with a daily cycle, timed for Ridge and XGBoost, with
 * accuracy on held-out origins as a ratio to the seasonal naive forecast (the value one period earlier) measured in
 * the same run.
 *
 * @param rows    rows to fit on
 * @param horizon steps to forecast
 * @param period  seasonal period of the series and of the naive baseline
 * @param seed    data seed
 */
public record ForecastBenchmark(int rows, int horizon, int period, long seed) {

    /** The first hour of the synthetic series. */
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    /** Held-out origins scored for accuracy, one per period. */
    static final int SCORED_ORIGINS = 40;

    /**
     * One family's figures.
     *
     * @param name       model name
     * @param fitMs      median wall time of the fit, milliseconds
     * @param forecastMs median wall time of the H-step forecast, milliseconds
     * @param rmse       RMSE over the scored origins and steps
     * @param rmseRatio  RMSE divided by the seasonal naive RMSE on the same pairs
     * @param maeRatio   MAE divided by the seasonal naive MAE on the same pairs
     * @param bestTotalMs the fastest fit plus forecast of the repeats (least disturbed by other load)
     */
    public record Figures(String name, double fitMs, double forecastMs, double rmse, double rmseRatio, double maeRatio,
                          double bestTotalMs) {
        /** Fit plus forecast. */
        public double totalMs() {
            return fitMs + forecastMs;
        }
    }

    /** The features: y now and one period back, a rolling window of one period (4 statistics), hour and weekday (4). */
    public FeatureSpec spec() {
        return FeatureSpec.lags("y", 0, period - 1).withRollingWindows(period).withCalendar(true);
    }

    /** The series: daily cycle (hourly rows), a slow drift, a regime-dependent amplitude and AR(1) noise; rows + held-out rows. */
    public TimeSeriesTable table() {
        int n = rows + SCORED_ORIGINS * period + horizon;
        Random rnd = new Random(seed);
        double[] y = new double[n];
        double noise = 0;
        for (int t = 0; t < n; t++) {
            noise = 0.7 * noise + 0.5 * rnd.nextGaussian();
            double phase = 2 * Math.PI * (t % period) / period;
            double amplitude = (t / (period * 7)) % 2 == 0 ? 3 : 5; // weeks alternate between two operating modes
            y[t] = 50 + 0.0005 * t + amplitude * Math.sin(phase) + Math.max(0, 2 * Math.cos(2 * phase)) + noise;
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("y", y);
        List<Instant> hours = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            hours.add(START.plus(Duration.ofHours(t)));
        }
        return TimeSeriesTable.of(hours, cols);
    }

    /** Times {@code repeats} fits and forecasts (after one warm-up) and scores accuracy against the seasonal naive. */
    public Figures measure(String name, Regressor regressor, int repeats) {
        TimeSeriesTable all = table();
        TimeSeriesTable train = all.slice(0, rows);
        Forecaster f = new Forecaster(spec(), regressor, Strategy.RECURSIVE, horizon);
        f.fit(train).forecast(train); // warm-up: JIT, native library load
        double[] fit = new double[repeats];
        double[] fc = new double[repeats];
        FittedForecaster fitted = null;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            fitted = f.fit(train);
            long t1 = System.nanoTime();
            fitted.forecast(train);
            long t2 = System.nanoTime();
            fit[i] = (t1 - t0) / 1e6;
            fc[i] = (t2 - t1) / 1e6;
        }
        double[] y = all.column("y");
        double se = 0;
        double ae = 0;
        double seNaive = 0;
        double aeNaive = 0;
        int n = 0;
        for (int k = 0; k < SCORED_ORIGINS; k++) {
            int origin = rows - 1 + k * period;
            double[] p = fitted.forecastFrom(all, origin);
            for (int h = 1; h <= horizon; h++) {
                double a = y[origin + h];
                // Seasonal naive: the value one period before the target, from data known at the origin.
                int back = origin + h - period * (int) Math.ceil(h / (double) period);
                double naive = y[back];
                se += (a - p[h - 1]) * (a - p[h - 1]);
                ae += Math.abs(a - p[h - 1]);
                seNaive += (a - naive) * (a - naive);
                aeNaive += Math.abs(a - naive);
                n++;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            best = Math.min(best, fit[i] + fc[i]);
        }
        return new Figures(name, median(fit), median(fc), Math.sqrt(se / n), Math.sqrt(se / seNaive), ae / aeNaive, best);
    }

    /** Number of features the spec yields. */
    public int featureCount() {
        return new FeatureBuilder(spec()).featureNames().size();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
