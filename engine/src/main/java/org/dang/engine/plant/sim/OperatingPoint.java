package org.dang.engine.plant.sim;

/**
 * The steady state the unit would settle to under given conditions and setpoints: every tag's
 * value, the yields, the constraints and the margin.
 *
 * @param setpoints   the setpoints evaluated
 * @param values      steady-state value of every tag (noise-free)
 * @param yields      product yields, volume fractions
 * @param constraints the operating constraints at this steady state
 */
public record OperatingPoint(Setpoints setpoints, TagValues values, ProductYields yields, CduConstraints constraints) {

    /** Unit gross margin, USD per barrel of crude. */
    public double margin() {
        return values.get(CduTag.MARGIN);
    }

    /** Charge actually delivered, bbl/d. */
    public double feed() {
        return values.get(CduTag.FEED_RATE);
    }

    /** Gross margin per hour, USD/h: the margin times the barrels charged per hour. */
    public double marginRate() {
        return margin() * feed() / 24;
    }

    /** Energy per barrel, MJ/bbl. */
    public double energyPerBbl() {
        return values.get(CduTag.ENERGY_PER_BBL);
    }
}
