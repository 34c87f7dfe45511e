package org.dang.engine.module.forecast;

import java.util.Optional;

/**
 * Which family automatic selection chose and why.
 *
 * @param chosen     the family to use
 * @param reason     one sentence an operator understands
 * @param ridgeRmse  Ridge's backtest RMSE over all steps (NaN when not compared)
 * @param xgbRmse    XGBoost's backtest RMSE over all steps (NaN when not compared)
 * @param compared   paired backtest forecasts behind the comparison
 * @param test       the Diebold–Mariano test, when it was run
 */
public record ModelSelection(ModelFamily chosen, String reason, double ridgeRmse, double xgbRmse, int compared,
                             Optional<DieboldMariano.Result> test) {

    /** A choice made without a comparison (a fixed family, or too little data). */
    public static ModelSelection fixed(ModelFamily family, String reason) {
        return new ModelSelection(family, reason, Double.NaN, Double.NaN, 0, Optional.empty());
    }
}
