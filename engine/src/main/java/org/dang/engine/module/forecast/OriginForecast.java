package org.dang.engine.module.forecast;

import java.time.Instant;

/**
 * The forecast made at one backtest origin, with the values that followed.
 *
 * @param origin    the origin row t
 * @param time      the origin's time
 * @param forecast  predictions for steps 1..H (NaN where features were incomplete)
 * @param actual    observed values at t+1..t+H (NaN past the end of the table or where missing)
 * @param maseScale the naive MAE of the training window behind this forecast
 */
public record OriginForecast(int origin, Instant time, double[] forecast, double[] actual, double maseScale) {

    /** Copies the arrays. */
    public OriginForecast {
        forecast = forecast.clone();
        actual = actual.clone();
    }

    /** A copy of the predictions. */
    @Override
    public double[] forecast() {
        return forecast.clone();
    }

    /** A copy of the observed values. */
    @Override
    public double[] actual() {
        return actual.clone();
    }

    /** actual − forecast at step h (1-based); NaN when either is missing. */
    public double residual(int step) {
        return actual[step - 1] - forecast[step - 1];
    }
}
