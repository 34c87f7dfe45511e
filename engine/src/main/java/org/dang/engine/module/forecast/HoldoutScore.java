package org.dang.engine.module.forecast;

/**
 * How one model did on a chronological test part, pooled over every origin and step.
 *
 * @param model      "ridge", "xgboost" or "auto"
 * @param pairs      scored (forecast, actual) pairs
 * @param rmse       root mean squared error
 * @param r2         1 − SSE / total sum of squares around the test mean
 * @param mase       MAE divided by the one-step naive MAE of the training part
 * @param coverage80 share of actual values inside the 80% interval
 * @param coverage95 share inside the 95% interval
 */
public record HoldoutScore(String model, int pairs, double rmse, double r2, double mase, double coverage80,
                           double coverage95) {
}
