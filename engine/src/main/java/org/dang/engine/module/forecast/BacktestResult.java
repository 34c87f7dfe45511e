package org.dang.engine.module.forecast;

import java.util.List;

/**
 * What a rolling-origin backtest found.
 *
 * @param steps   metrics for steps 1..H
 * @param origins every origin's forecast and outcome, in time order
 * @param fits    how many times the models were fitted
 */
public record BacktestResult(List<StepMetrics> steps, List<OriginForecast> origins, int fits) {

    /** Copies the lists. */
    public BacktestResult {
        steps = List.copyOf(steps);
        origins = List.copyOf(origins);
    }

    /** Metrics for step h (1-based). */
    public StepMetrics step(int h) {
        return steps.get(h - 1);
    }

    /** Residuals (actual − forecast) of step h across origins, skipping pairs with a missing value. */
    public double[] residuals(int h) {
        return origins.stream().mapToDouble(o -> o.residual(h)).filter(r -> !Double.isNaN(r)).toArray();
    }
}
