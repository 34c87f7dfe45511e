package org.dang.engine.module.optimize.training;

/**
 * Settings of the cross-entropy policy search.
 *
 * @param hidden       hidden units of the policy network
 * @param population   candidate policies per generation
 * @param elite        best candidates the next distribution is fitted to
 * @param batch        episodes each candidate plays per generation (the same episodes for all)
 * @param initialSigma starting standard deviation of every parameter
 * @param extraNoise   noise added to the fitted standard deviation at the first generation, decaying to 0
 */
public record TrainerSettings(int hidden, int population, int elite, int batch, double initialSigma,
                              double extraNoise) {
    public TrainerSettings {
        if (hidden < 1 || population < 2 || elite < 1 || elite > population || batch < 1) {
            throw new IllegalArgumentException("trainer settings need hidden >= 1, population >= 2,"
                    + " 1 <= elite <= population and batch >= 1");
        }
        if (!(initialSigma > 0) || !(extraNoise >= 0)) {
            throw new IllegalArgumentException("initial sigma must be positive and extra noise 0 or more");
        }
    }

    /** The settings documented in docs/optimization.md. */
    public static TrainerSettings defaults() {
        return new TrainerSettings(24, 24, 6, 16, 0.5, 0.2);
    }

    /** Episodes one generation plays: every candidate on the batch, plus the mean policy on it. */
    public int episodesPerGeneration() {
        return (population + 1) * batch;
    }
}
