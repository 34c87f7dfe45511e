package org.dang.engine.plant.sim;

import java.util.List;

/**
 * The unit's operating constraints at one time, from the true (noise-free, fault-free) state.
 *
 * @param tubeMetalTemp    hottest tube skin vs the tube limit
 * @param columnFlooding   vapour load as a fraction of flooding vs the design margin
 * @param topPressure      column top pressure vs its operating limit
 * @param keroFlash        kerosene flash point vs the jet fuel minimum
 * @param dieselT95        diesel 95 % point vs the diesel specification
 * @param feedPumpCapacity charge asked vs what the (possibly worn) pump can deliver
 * @param furnaceFiring    fired duty needed for the COT setpoint vs burner capacity
 */
public record CduConstraints(Constraint tubeMetalTemp, Constraint columnFlooding, Constraint topPressure,
                             Constraint keroFlash, Constraint dieselT95, Constraint feedPumpCapacity,
                             Constraint furnaceFiring) {

    /** Tube metal temperature limit, degC (assumption, see docs/simulator.md). */
    public static final double TMT_LIMIT = 650;
    /** Highest allowed fraction of flooding (assumption). */
    public static final double FLOODING_LIMIT = 0.90;
    /** Top pressure operating limit, barg (assumption). */
    public static final double TOP_PRESSURE_LIMIT = 2.0;
    /** Jet A-1 minimum flash point, degC (ASTM D1655 / DEF STAN 91-091). */
    public static final double KERO_FLASH_MIN = 38;
    /** Diesel 95 % recovered maximum, degC (EN 590). */
    public static final double DIESEL_T95_MAX = 360;

    /** The constraints of tag values {@code v} (true or steady-state) with the model quantities of {@code target}. */
    static CduConstraints of(TagValues v, SteadyState target) {
        double flood = CduModel.FLOOD_AT_DESIGN * Math.sqrt(Math.max(0, v.get(CduTag.COLUMN_DP)) / CduModel.DP_AT_DESIGN);
        return new CduConstraints(
                new Constraint("tube_metal_temp", v.get(CduTag.TUBE_METAL_TEMP), TMT_LIMIT, Constraint.Bound.MAX, "degC"),
                new Constraint("column_flooding", flood, FLOODING_LIMIT, Constraint.Bound.MAX, "-"),
                new Constraint("top_pressure", v.get(CduTag.TOP_PRESSURE), TOP_PRESSURE_LIMIT, Constraint.Bound.MAX,
                        "barg"),
                new Constraint("kero_flash", v.get(CduTag.KERO_FLASH), KERO_FLASH_MIN, Constraint.Bound.MIN, "degC"),
                new Constraint("diesel_t95", v.get(CduTag.DIESEL_T95), DIESEL_T95_MAX, Constraint.Bound.MAX, "degC"),
                new Constraint("feed_pump_capacity", target.feedDemand(), target.pumpCapacity(), Constraint.Bound.MAX,
                        "bbl/d"),
                new Constraint("furnace_firing", target.firedDutyRequired(), target.firedDutyMax(), Constraint.Bound.MAX,
                        "GJ/h"));
    }

    /** All seven, in the order of the record. */
    public List<Constraint> all() {
        return List.of(tubeMetalTemp, columnFlooding, topPressure, keroFlash, dieselT95, feedPumpCapacity,
                furnaceFiring);
    }

    /** The constraints now violated. */
    public List<Constraint> violations() {
        return all().stream().filter(Constraint::violated).toList();
    }

    /** True when any constraint is violated. */
    public boolean anyViolated() {
        return !violations().isEmpty();
    }
}
