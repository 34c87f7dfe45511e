package org.dang.engine.module.forecast;

/**
 * One model family fitted for use: its rolling-origin backtest, the intervals calibrated on it, and the
 * models refitted on all the data.
 *
 * @param family   the family
 * @param backtest the backtest on the shared folds
 * @param bands    per-step conformal intervals from the backtest residuals
 * @param fitted   models fitted on the whole table (absent when only the backtest was wanted)
 */
public record FamilyFit(ModelFamily family, BacktestResult backtest, ConformalBands bands, FittedForecaster fitted) {

    /** RMSE over every step of the backtest, pooled. */
    public double backtestRmse() {
        double ss = 0;
        int n = 0;
        for (int h = 1; h <= backtest.steps().size(); h++) {
            for (double r : backtest.residuals(h)) {
                ss += r * r;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }
}
