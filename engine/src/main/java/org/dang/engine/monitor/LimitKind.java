package org.dang.engine.monitor;

/** How control limits are set. */
public enum LimitKind {
    /**
     * Textbook formulas at the confidence level: F-distribution for T^2, Jackson-Mudholkar for Q.
     * Only for raw T^2 and Q; they assume independent normal samples and an exactly known model.
     */
    FORMULA,
    /**
     * Empirical quantile of the statistics on normal data the model did not see, obtained by
     * blocked cross-validation of the training data (see {@link Calibration}).
     */
    CROSS_VALIDATED
}
