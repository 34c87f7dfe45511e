package org.dang.engine.module.forecast;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the forecasting module fits a target: the features, the strategy, both families' settings, the selection
 * policy and the number of backtest folds. Both families are backtested on identical folds of the same rows,
 * which gives the selection its evidence and the intervals their residuals.
 *
 * @param spec     features
 * @param strategy direct or recursive
 * @param horizon  steps to forecast, ≥ 1
 * @param ridge    Ridge settings
 * @param xgb      XGBoost settings
 * @param policy   automatic selection rule
 * @param folds    refits across the backtest's origins, ≥ 1 (origins between refits reuse the fold's models)
 * @param tuneRidge whether Ridge's penalty is chosen on the same folds from 0.1, 1, 10 and 100 times
 *                  {@code ridge.lambda()}; without it Ridge keeps its penalty
 */
public record ForecastPlan(FeatureSpec spec, Strategy strategy, int horizon, RidgeRegressor ridge, XgbRegressor xgb,
                           SelectionPolicy policy, int folds, boolean tuneRidge) {

    /** Multiples of the configured penalty tried when Ridge is tuned. */
    static final double[] LAMBDA_FACTORS = {0.1, 1, 10, 100};

    /** Rows of training data, beyond the features' look-back and the horizon, that the first fold needs. */
    static final int MIN_TRAIN_ROWS = 12;

    /** Validates. */
    public ForecastPlan {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(ridge, "ridge");
        Objects.requireNonNull(xgb, "xgb");
        Objects.requireNonNull(policy, "policy");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be ≥ 1, got " + horizon);
        }
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be ≥ 1, got " + folds);
        }
    }

    /** The fewest rows a table needs for this plan's backtest. */
    public int minimumRows() {
        return spec.lookback() + horizon + MIN_TRAIN_ROWS + 2;
    }

    /** The shared backtest folds for a table of {@code rows} rows: the first half trains, refits spread evenly. */
    public BacktestConfig backtestConfig(int rows) {
        if (rows < minimumRows()) {
            throw new IllegalArgumentException("too short: " + rows + " rows, a forecast of " + horizon
                    + " steps with a look-back of " + spec.lookback() + " needs at least " + minimumRows());
        }
        int initial = Math.max(spec.lookback() + horizon + MIN_TRAIN_ROWS, rows / 2);
        int origins = rows - 1 - (initial - 1);
        int refitEvery = Math.max(1, (int) Math.ceil(origins / (double) folds));
        return new BacktestConfig(initial, 1, refitEvery, 0, BacktestConfig.Window.EXPANDING, 1);
    }

    /** The recipe for one family with the configured settings. */
    public Forecaster forecaster(ModelFamily family) {
        return new Forecaster(spec, family == ModelFamily.RIDGE ? ridge : xgb, strategy, horizon);
    }

    /** Backtests Ridge, at each candidate penalty when tuned, and keeps the recipe with the lowest pooled RMSE. */
    private Map.Entry<Forecaster, BacktestResult> backtestRidge(TimeSeriesTable table, BacktestConfig folds, FitMonitor monitor) {
        double[] factors = tuneRidge ? LAMBDA_FACTORS : new double[] {1};
        Map.Entry<Forecaster, BacktestResult> best = null;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (double factor : factors) {
            Forecaster f = new Forecaster(spec, new RidgeRegressor(ridge.lambda() * factor), strategy, horizon);
            BacktestResult r = new Backtest(f, folds).run(table, monitor::checkpoint);
            double rmse = new FamilyFit(ModelFamily.RIDGE, r, null, null).backtestRmse();
            if (best == null || rmse < bestRmse) {
                best = Map.entry(f, r);
                bestRmse = rmse;
            }
        }
        return best;
    }

    /**
     * Backtests what {@code choice} needs on identical folds, selects, calibrates intervals and refits the chosen
     * family on the whole table ({@code refitAll}: every backtested family).
     */
    public ForecastFit fit(TimeSeriesTable table, ModelChoice choice, boolean refitAll, FitMonitor monitor) {
        Objects.requireNonNull(choice, "choice");
        BacktestConfig folds = backtestConfig(table.rows());
        List<ModelFamily> families = switch (choice) {
            case AUTO -> List.of(ModelFamily.RIDGE, ModelFamily.XGBOOST);
            case RIDGE -> List.of(ModelFamily.RIDGE);
            case XGBOOST -> List.of(ModelFamily.XGBOOST);
        };
        int finals = refitAll ? families.size() : 1;
        double units = families.size() + finals;
        Map<ModelFamily, BacktestResult> backtests = new EnumMap<>(ModelFamily.class);
        Map<ModelFamily, Forecaster> recipes = new EnumMap<>(ModelFamily.class);
        int done = 0;
        for (ModelFamily f : families) {
            monitor.progress(done / units, "backtesting " + f.label() + " on " + this.folds + " folds of " + table.rows() + " rows");
            if (f == ModelFamily.RIDGE) {
                Map.Entry<Forecaster, BacktestResult> r = backtestRidge(table, folds, monitor);
                recipes.put(f, r.getKey());
                backtests.put(f, r.getValue());
            } else {
                recipes.put(f, forecaster(f));
                backtests.put(f, new Backtest(forecaster(f), folds).run(table, monitor::checkpoint));
            }
            done++;
        }
        ModelSelection selection = switch (choice) {
            case AUTO -> new ModelSelector(policy).choose(backtests.get(ModelFamily.RIDGE), backtests.get(ModelFamily.XGBOOST));
            case RIDGE -> ModelSelection.fixed(ModelFamily.RIDGE, "Ridge, as requested (model_selection=ridge)");
            case XGBOOST -> ModelSelection.fixed(ModelFamily.XGBOOST, "XGBoost, as requested (model_selection=xgboost)");
        };
        Map<ModelFamily, FamilyFit> fits = new EnumMap<>(ModelFamily.class);
        for (ModelFamily f : families) {
            FittedForecaster fitted = null;
            if (refitAll || f == selection.chosen()) {
                monitor.progress(done / units, "fitting " + f.label() + " on all " + table.rows() + " rows");
                fitted = recipes.get(f).fit(table, monitor::checkpoint);
                done++;
            }
            fits.put(f, new FamilyFit(f, backtests.get(f), ConformalBands.fromBacktest(backtests.get(f)), fitted));
        }
        monitor.progress(1, selection.reason());
        return new ForecastFit(selection, fits);
    }
}
