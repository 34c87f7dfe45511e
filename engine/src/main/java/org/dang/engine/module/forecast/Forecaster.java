package org.dang.engine.module.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A forecasting recipe: features, learning algorithm, multi-step strategy and horizon.
 *
 * @param spec      the features
 * @param regressor the learning algorithm
 * @param strategy  direct or recursive
 * @param horizon   the number of steps H to forecast, ≥ 1
 */
public record Forecaster(FeatureSpec spec, Regressor regressor, Strategy strategy, int horizon) {

    /** Validates; the recursive strategy refuses exogenous features because their future values are unknown. */
    public Forecaster {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(regressor, "regressor");
        Objects.requireNonNull(strategy, "strategy");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be ≥ 1, got " + horizon);
        }
        if (strategy == Strategy.RECURSIVE && !spec.exogenous().isEmpty()) {
            List<String> cols = spec.exogenous().stream().map(FeatureSpec.Exogenous::column).toList();
            throw new IllegalArgumentException("the RECURSIVE strategy cannot use exogenous features " + cols
                    + ": their values after the forecast origin are unknown; use DIRECT or drop them");
        }
    }

    /** Fits the models on every usable row of the table. */
    public FittedForecaster fit(TimeSeriesTable table) {
        return fit(table, () -> { });
    }

    /** Fits as {@link #fit(TimeSeriesTable)}, calling {@code checkpoint} between models and boosting rounds. */
    public FittedForecaster fit(TimeSeriesTable table, Runnable checkpoint) {
        FeatureBuilder builder = new FeatureBuilder(spec);
        int models = strategy == Strategy.DIRECT ? horizon : 1;
        List<FittedModel> fitted = new ArrayList<>(models);
        for (int h = 1; h <= models; h++) {
            DesignMatrix dm = builder.build(table, h);
            if (dm.rows() == 0) {
                throw new IllegalArgumentException("no usable training rows for step " + h + " of '" + spec.target()
                        + "' in " + table.rows() + " rows (" + dm.historyRows() + " needed for history, "
                        + dm.droppedMissing() + " with missing values)");
            }
            fitted.add(regressor.fit(dm.x(), dm.y(), checkpoint));
        }
        return new FittedForecaster(this, builder, fitted);
    }

    /** This recipe with models trained earlier (read back from a model file), one per step for DIRECT. */
    public FittedForecaster restore(List<FittedModel> models) {
        int expected = strategy == Strategy.DIRECT ? horizon : 1;
        if (models.size() != expected) {
            throw new IllegalArgumentException("a " + strategy + " forecaster over " + horizon + " steps needs "
                    + expected + " models, got " + models.size());
        }
        FeatureBuilder builder = new FeatureBuilder(spec);
        for (FittedModel m : models) {
            if (m.featureCount() != builder.featureNames().size()) {
                throw new IllegalArgumentException("a stored model expects " + m.featureCount() + " features, the spec has "
                        + builder.featureNames().size());
            }
        }
        return new FittedForecaster(this, builder, models);
    }

    /** Fits on the table and forecasts steps 1..H after its last row. */
    public double[] forecast(TimeSeriesTable table) {
        return fit(table).forecast(table);
    }
}
