package org.dang.engine.module.forecast;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A forecaster with trained models, ready to forecast from any origin row of a table. */
public final class FittedForecaster {

    private final Forecaster recipe;
    private final FeatureBuilder builder;
    private final List<FittedModel> models;

    FittedForecaster(Forecaster recipe, FeatureBuilder builder, List<FittedModel> models) {
        this.recipe = recipe;
        this.builder = builder;
        this.models = List.copyOf(models);
    }

    /** The recipe these models were fitted from. */
    public Forecaster recipe() {
        return recipe;
    }

    /** The trained models: one per step for DIRECT, one for RECURSIVE. */
    public List<FittedModel> models() {
        return models;
    }

    /** Forecasts steps 1..H after the table's last row; fails if the features there are incomplete. */
    public double[] forecast(TimeSeriesTable table) {
        int origin = table.rows() - 1;
        double[] out = forecastFrom(table, origin);
        for (int h = 0; h < out.length; h++) {
            if (Double.isNaN(out[h])) {
                throw new IllegalStateException("cannot forecast step " + (h + 1) + " of '" + recipe.spec().target()
                        + "' from " + table.time(origin) + ": a feature at or before that row is missing");
            }
        }
        return out;
    }

    /**
     * Forecasts steps 1..H from origin row t using only values at or before t. A step whose features are
     * incomplete is NaN rather than an error, so a backtest can skip it and go on.
     */
    public double[] forecastFrom(TimeSeriesTable table, int origin) {
        int horizon = recipe.horizon();
        double[] out = new double[horizon];
        if (recipe.strategy() == Strategy.DIRECT) {
            for (int h = 1; h <= horizon; h++) {
                double[] f = builder.featureRow(table, origin, h);
                out[h - 1] = FeatureBuilder.allFinite(f) ? models.get(h - 1).predict(f) : Double.NaN;
            }
            return out;
        }
        // Recursive: the target is cut at the origin so nothing after it can leak in, then grown with predictions.
        double[] target = Arrays.copyOf(Arrays.copyOf(table.raw(recipe.spec().target()), origin + 1), origin + 1 + horizon);
        Arrays.fill(target, origin + 1, target.length, Double.NaN);
        FittedModel model = models.getFirst();
        for (int s = 1; s <= horizon; s++) {
            int t = origin + s - 1;
            Instant when = FeatureBuilder.targetTime(table, origin, s);
            double[] f = builder.features(target, table, t, when);
            if (!FeatureBuilder.allFinite(f)) {
                Arrays.fill(out, s - 1, horizon, Double.NaN);
                break;
            }
            out[s - 1] = model.predict(f);
            target[t + 1] = out[s - 1];
        }
        return out;
    }
}
