package org.dang.engine.module.optimize.oracle;

import org.dang.engine.plant.sim.OperatingPoint;

/**
 * The oracle's answer for one situation.
 *
 * @param best        best safe operating point found
 * @param evaluations steady-state model evaluations used
 */
public record OracleResult(OperatingPoint best, int evaluations) {
}
