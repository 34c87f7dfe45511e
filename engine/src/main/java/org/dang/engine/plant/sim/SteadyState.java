package org.dang.engine.plant.sim;

/**
 * What the unit would settle to under the present inputs: a target per tag, and the quantities the
 * constraints need that no transmitter measures.
 *
 * @param targets            one steady-state value per {@link CduTag}
 * @param yields             volume fractions
 * @param floodFraction      column vapour load as a fraction of flooding
 * @param pumpCapacity       charge pump's present maximum flow, bbl/d
 * @param feedDemand         charge asked of the pump, bbl/d
 * @param firedDutyRequired  fired duty needed to reach the COT setpoint, GJ/h
 * @param firedDutyMax       burner capacity, GJ/h
 */
record SteadyState(double[] targets, ProductYields yields, double floodFraction, double pumpCapacity,
                   double feedDemand, double firedDutyRequired, double firedDutyMax) {
}
