package org.dang.engine.module.optimize.training;

/** Hears about training progress, once per generation, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** Generation {@code point.generation()} of {@code generations} finished. */
    void generation(TrainingPoint point, int generations);
}
