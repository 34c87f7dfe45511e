package org.dang.engine.module.forecast;

/**
 * Backtest errors for one horizon step.
 *
 * @param step  the horizon step h
 * @param count scored forecasts
 * @param mae   mean absolute error
 * @param rmse  root mean squared error
 * @param smape symmetric MAPE, percent
 * @param mase  mean of |error| / naive scale of the training window that produced each forecast
 */
public record StepMetrics(int step, int count, double mae, double rmse, double smape, double mase) {
}
