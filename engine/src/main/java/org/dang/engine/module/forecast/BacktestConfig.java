package org.dang.engine.module.forecast;

import java.util.Objects;

/**
 * Rolling-origin settings. The first origin is row {@code initialTrain − 1 + gap}; at origin t the models are
 * trained on rows up to {@code t − gap} (labels included), so no training label lies after that row.
 *
 * @param initialTrain   rows in the first training window, ≥ 2
 * @param step           rows between successive origins, ≥ 1
 * @param refitEvery     refit at every k-th origin and reuse the models in between, ≥ 1
 * @param gap            rows left out between the end of training and the origin, ≥ 0
 * @param window         expanding (keeps all past rows) or sliding (keeps the last initialTrain rows)
 * @param seasonalPeriod the lag m of the naive forecast that scales MASE: 1 is one-step naive, m > 1 seasonal naive
 */
public record BacktestConfig(int initialTrain, int step, int refitEvery, int gap, Window window, int seasonalPeriod) {

    /** How the training window moves with the origin. */
    public enum Window {
        /** Training starts at row 0 for every origin. */
        EXPANDING,
        /** Training keeps a fixed length and slides forward. */
        SLIDING
    }

    /** Validates. */
    public BacktestConfig {
        Objects.requireNonNull(window, "window");
        if (initialTrain < 2) {
            throw new IllegalArgumentException("initialTrain must be ≥ 2, got " + initialTrain);
        }
        if (step < 1 || refitEvery < 1) {
            throw new IllegalArgumentException("step and refitEvery must be ≥ 1");
        }
        if (gap < 0) {
            throw new IllegalArgumentException("gap must be ≥ 0, got " + gap);
        }
        if (seasonalPeriod < 1) {
            throw new IllegalArgumentException("seasonalPeriod must be ≥ 1 (1 = one-step naive), got " + seasonalPeriod);
        }
    }

    /** Expanding window, an origin at every row, refit at each, no gap, one-step naive scaling. */
    public static BacktestConfig expanding(int initialTrain) {
        return new BacktestConfig(initialTrain, 1, 1, 0, Window.EXPANDING, 1);
    }
}
