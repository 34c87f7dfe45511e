package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything besides the setpoints that fixes the unit's steady state at one time: the crude in the
 * charge line, its quality wander, the equipment condition, the air temperature, the prices and any
 * charge upset. With a {@link Setpoints} value it is the input of {@link CduSteadyStateModel}.
 *
 * @param time          simulated time these conditions hold at
 * @param crude         crude in the charge line
 * @param tbpShift      crude-quality wander, degC added to every TBP lookup (positive = lighter)
 * @param equipment     equipment condition
 * @param ambient       air temperature, degC
 * @param prices        prices the margin is computed from
 * @param feedOffset    charge pulses acting now, bbl/d added to the charge setpoint
 * @param feedFraction  fraction of the charge setpoint maintenance allows (1 = no maintenance)
 */
public record CduConditions(Instant time, CrudeMix crude, double tbpShift, EquipmentCondition equipment,
                            double ambient, Prices prices, double feedOffset, double feedFraction) {

    public CduConditions {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(crude, "crude");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(prices, "prices");
        if (!Double.isFinite(tbpShift) || !Double.isFinite(ambient) || !Double.isFinite(feedOffset)) {
            throw new IllegalArgumentException("conditions must be finite: tbpShift " + tbpShift + ", ambient "
                    + ambient + ", feedOffset " + feedOffset);
        }
        if (!(feedFraction >= 0 && feedFraction <= 1)) {
            throw new IllegalArgumentException("feedFraction must be within 0..1, was " + feedFraction);
        }
    }

    /** Steady conditions for one library crude: no wander, no upsets. */
    public static CduConditions of(Instant time, Crude crude, EquipmentCondition equipment, double ambient,
                                   Prices prices) {
        return new CduConditions(time, CrudeMix.of(crude), 0, equipment, ambient, prices, 0, 1);
    }

    /** The same conditions at other prices. */
    public CduConditions withPrices(Prices p) {
        return new CduConditions(time, crude, tbpShift, equipment, ambient, p, feedOffset, feedFraction);
    }

    /** Charge asked of the pump under {@code sp}, bbl/d. */
    public double feedDemand(Setpoints sp) {
        double demand = sp.feedRate() + feedOffset;
        return Math.max(0, demand - (1 - feedFraction) * sp.feedRate());
    }
}
