package org.dang.engine.module.forecast;

/** Point-forecast error measures; pure functions over paired actual and forecast values. */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    /** Mean absolute error. */
    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return actual.length == 0 ? Double.NaN : s / actual.length;
    }

    /** Root mean squared error. */
    public static double rmse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            s += e * e;
        }
        return actual.length == 0 ? Double.NaN : Math.sqrt(s / actual.length);
    }

    /** Symmetric MAPE in percent: mean of 200·|F − A| / (|A| + |F|), a pair with both zero counting as 0. */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double denom = Math.abs(actual[i]) + Math.abs(forecast[i]);
            s += denom == 0 ? 0 : 200.0 * Math.abs(forecast[i] - actual[i]) / denom;
        }
        return actual.length == 0 ? Double.NaN : s / actual.length;
    }

    /** In-sample MAE of the naive forecast y[t−m] over the finite pairs of a series; NaN when there are none. */
    public static double naiveScale(double[] series, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be ≥ 1, got " + period);
        }
        double s = 0;
        int n = 0;
        for (int t = period; t < series.length; t++) {
            double d = series[t] - series[t - period];
            if (!Double.isNaN(d)) {
                s += Math.abs(d);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException(actual.length + " actual values but " + forecast.length + " forecasts");
        }
    }
}
