package org.dang.engine.module.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Rolling-origin evaluation of a {@link Forecaster}. */
public record Backtest(Forecaster forecaster, BacktestConfig config) {

    /** Validates. */
    public Backtest {
        Objects.requireNonNull(forecaster, "forecaster");
        Objects.requireNonNull(config, "config");
    }

    /** Runs the backtest over the table. */
    public BacktestResult run(TimeSeriesTable table) {
        return run(table, () -> { });
    }

    /** Runs the backtest, calling {@code checkpoint} before each fit and inside boosting (it throws to stop). */
    public BacktestResult run(TimeSeriesTable table, Runnable checkpoint) {
        int n = table.rows();
        int horizon = forecaster.horizon();
        int firstOrigin = config.initialTrain() - 1 + config.gap();
        if (firstOrigin > n - 2) {
            throw new IllegalArgumentException("a backtest with initialTrain " + config.initialTrain() + " and gap "
                    + config.gap() + " needs at least " + (firstOrigin + 2) + " rows, the table has " + n);
        }
        double[] target = table.raw(forecaster.spec().target());
        List<OriginForecast> origins = new ArrayList<>();
        FittedForecaster fitted = null;
        double scale = Double.NaN;
        int fits = 0;
        int index = 0;
        for (int origin = firstOrigin; origin <= n - 2; origin += config.step(), index++) {
            if (index % config.refitEvery() == 0) {
                int end = origin - config.gap() + 1;
                int start = config.window() == BacktestConfig.Window.EXPANDING ? 0 : end - config.initialTrain();
                TimeSeriesTable train = table.slice(start, end);
                fitted = forecaster.fit(train, checkpoint);
                scale = ForecastMetrics.naiveScale(train.raw(forecaster.spec().target()), config.seasonalPeriod());
                fits++;
            }
            double[] forecast = fitted.forecastFrom(table, origin);
            double[] actual = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                actual[h - 1] = origin + h < n ? target[origin + h] : Double.NaN;
            }
            origins.add(new OriginForecast(origin, table.time(origin), forecast, actual, scale));
        }
        List<StepMetrics> steps = new ArrayList<>(horizon);
        for (int h = 1; h <= horizon; h++) {
            steps.add(metrics(origins, h));
        }
        return new BacktestResult(steps, origins, fits);
    }

    private static StepMetrics metrics(List<OriginForecast> origins, int h) {
        List<double[]> pairs = new ArrayList<>();
        double scaledSum = 0;
        for (OriginForecast o : origins) {
            double a = o.actual()[h - 1];
            double f = o.forecast()[h - 1];
            if (Double.isNaN(a) || Double.isNaN(f)) {
                continue;
            }
            pairs.add(new double[] {a, f});
            // A zero or unknown naive scale makes MASE undefined; NaN propagates rather than inventing a value.
            scaledSum += Math.abs(a - f) / o.maseScale();
        }
        double[] actual = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] forecast = pairs.stream().mapToDouble(p -> p[1]).toArray();
        int count = actual.length;
        return new StepMetrics(h, count, ForecastMetrics.mae(actual, forecast), ForecastMetrics.rmse(actual, forecast),
                ForecastMetrics.smape(actual, forecast), count == 0 ? Double.NaN : scaledSum / count);
    }
}
