package org.dang.engine.module.optimize.training;

/**
 * One generation of training.
 *
 * @param generation     generation number, from 1
 * @param episodes       episodes played so far
 * @param meanFitness    mean fitness of the generation's candidates, USD/h
 * @param eliteFitness   mean fitness of its elite, USD/h
 * @param policyGain     gain of the updated mean policy over holding the start setpoints, USD/h (same episodes)
 */
public record TrainingPoint(int generation, long episodes, double meanFitness, double eliteFitness,
                           double policyGain) {
}
