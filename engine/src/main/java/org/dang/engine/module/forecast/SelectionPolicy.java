package org.dang.engine.module.forecast;

/**
 * The rule for automatic model selection: XGBoost replaces Ridge only when its backtest RMSE is lower by at
 * least {@code margin} (a fraction, 0.05 = 5%) and a Diebold–Mariano test finds the difference significant at
 * level {@code alpha}; with fewer than {@code minForecasts} comparable backtest forecasts Ridge is kept.
 *
 * @param margin       required relative RMSE improvement, in [0, 1)
 * @param alpha        significance level of the test, in (0, 0.5]
 * @param minForecasts fewest paired backtest forecasts for a comparison, ≥ 10
 */
public record SelectionPolicy(double margin, double alpha, int minForecasts) {

    /** Validates. */
    public SelectionPolicy {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("selection margin must be in [0, 1), got " + margin);
        }
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new IllegalArgumentException("selection significance level must be in (0, 0.5], got " + alpha);
        }
        if (minForecasts < 10) {
            throw new IllegalArgumentException("selection needs at least 10 forecasts to compare, got " + minForecasts);
        }
    }

    /** 5% margin, 5% significance, at least 30 paired forecasts. */
    public static SelectionPolicy defaults() {
        return new SelectionPolicy(0.05, 0.05, 30);
    }
}
