package org.dang.engine.module.optimize.training;

/** Hears about training progress on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** Generation {@code point.generation()} of {@code generations} of the policy search finished. */
    void generation(TrainingPoint point, int generations);

    /** {@code done} of {@code of} demonstration episodes collected. */
    default void demonstrations(int done, int of) {
    }

    /** Behaviour cloning finished with this mean loss. */
    default void imitation(double loss, int samples) {
    }
}
