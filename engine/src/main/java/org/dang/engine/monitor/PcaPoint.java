package org.dang.engine.monitor;

/**
 * One observation seen through a PCA model.
 *
 * @param t2           Hotelling T^2: squared scores, each divided by its component's variance
 * @param q            Q (squared prediction error): squared length of the residual
 * @param standardized the observation centred and scaled by the training statistics
 * @param scores       projections on the retained components
 * @param residual     the part of the standardised observation the components do not explain
 */
public record PcaPoint(double t2, double q, double[] standardized, double[] scores, double[] residual) {
}
