package org.dang.engine.module.forecast;

/**
 * Adaptive conformal inference (Gibbs and Candès, 2021) for one horizon step and one level: the miscoverage
 * level used for the next interval moves by γ(α − miss) after each outcome, so it widens after forecasts fell
 * outside their interval and narrows after they fell inside. Its long-run coverage stays at the nominal level
 * even when the process shifts, which a fixed calibration set cannot promise.
 */
final class AdaptiveConformal {

    private final double nominalMiss;
    private final double gamma;
    private double miss;

    /** Starts at {@code level} (such as 0.95) with step size {@code gamma} > 0. */
    AdaptiveConformal(double level, double gamma) {
        if (!(level > 0 && level < 1) || !(gamma > 0)) {
            throw new IllegalArgumentException("level must be in (0, 1) and gamma > 0");
        }
        this.nominalMiss = 1 - level;
        this.gamma = gamma;
        this.miss = nominalMiss;
    }

    /** The half-width to use now, from the calibration residuals: infinite when the level asks for more than all. */
    double halfWidth(double[] residuals) {
        if (miss <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (miss >= 1) {
            return 0;
        }
        return ConformalBands.halfWidth(residuals, 1 - miss);
    }

    /** Records whether the actual value of an earlier interval fell inside it. */
    void observe(boolean covered) {
        miss += gamma * (nominalMiss - (covered ? 0 : 1));
    }
}
