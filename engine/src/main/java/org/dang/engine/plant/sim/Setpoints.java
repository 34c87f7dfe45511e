package org.dang.engine.plant.sim;

import java.util.List;

/**
 * What the operator (or the optimiser) sets; every value must lie in its {@link SetpointRange}.
 *
 * @param coilOutletTemp  furnace COT, degC
 * @param feedRate        crude charge, bbl/d
 * @param refluxRatio     top reflux / naphtha product, volume ratio
 * @param strippingSteam  bottom stripping steam, t/h
 * @param keroDrawTemp    kerosene draw tray temperature (draw rate in cascade), degC
 * @param dieselDrawTemp  diesel draw tray temperature (draw rate in cascade), degC
 */
public record Setpoints(double coilOutletTemp, double feedRate, double refluxRatio, double strippingSteam,
                        double keroDrawTemp, double dieselDrawTemp) {

    /** COT range: the unit's operating window. */
    public static final SetpointRange COIL_OUTLET_TEMP = new SetpointRange("coil_outlet_temp", 330, 360, 385, "degC");
    /** Charge range: turndown to pump/furnace design. */
    public static final SetpointRange FEED_RATE = new SetpointRange("feed_rate", 60_000, 100_000, 115_000, "bbl/d");
    /** Reflux ratio range. */
    public static final SetpointRange REFLUX_RATIO = new SetpointRange("reflux_ratio", 0.8, 1.5, 3.0, "-");
    /** Stripping steam range. */
    public static final SetpointRange STRIPPING_STEAM = new SetpointRange("stripping_steam", 2, 6, 10, "t/h");
    /** Kerosene draw temperature range. */
    public static final SetpointRange KERO_DRAW_TEMP = new SetpointRange("kero_draw_temp", 180, 200, 225, "degC");
    /** Diesel draw temperature range. */
    public static final SetpointRange DIESEL_DRAW_TEMP = new SetpointRange("diesel_draw_temp", 265, 290, 320, "degC");

    public Setpoints {
        COIL_OUTLET_TEMP.check(coilOutletTemp);
        FEED_RATE.check(feedRate);
        REFLUX_RATIO.check(refluxRatio);
        STRIPPING_STEAM.check(strippingSteam);
        KERO_DRAW_TEMP.check(keroDrawTemp);
        DIESEL_DRAW_TEMP.check(dieselDrawTemp);
    }

    /** Every setpoint's range, in the order of the record's components. */
    public static List<SetpointRange> ranges() {
        return List.of(COIL_OUTLET_TEMP, FEED_RATE, REFLUX_RATIO, STRIPPING_STEAM, KERO_DRAW_TEMP, DIESEL_DRAW_TEMP);
    }

    /** The design operating point. */
    public static Setpoints nominal() {
        return new Setpoints(COIL_OUTLET_TEMP.nominal(), FEED_RATE.nominal(), REFLUX_RATIO.nominal(),
                STRIPPING_STEAM.nominal(), KERO_DRAW_TEMP.nominal(), DIESEL_DRAW_TEMP.nominal());
    }

    /** Setpoints with each value moved into its range (for agents whose actions may overshoot). */
    public static Setpoints clamped(double coilOutletTemp, double feedRate, double refluxRatio,
                                    double strippingSteam, double keroDrawTemp, double dieselDrawTemp) {
        return new Setpoints(COIL_OUTLET_TEMP.clamp(coilOutletTemp), FEED_RATE.clamp(feedRate),
                REFLUX_RATIO.clamp(refluxRatio), STRIPPING_STEAM.clamp(strippingSteam),
                KERO_DRAW_TEMP.clamp(keroDrawTemp), DIESEL_DRAW_TEMP.clamp(dieselDrawTemp));
    }

    /** Another COT. */
    public Setpoints withCoilOutletTemp(double v) {
        return new Setpoints(v, feedRate, refluxRatio, strippingSteam, keroDrawTemp, dieselDrawTemp);
    }

    /** Another charge. */
    public Setpoints withFeedRate(double v) {
        return new Setpoints(coilOutletTemp, v, refluxRatio, strippingSteam, keroDrawTemp, dieselDrawTemp);
    }

    /** Another reflux ratio. */
    public Setpoints withRefluxRatio(double v) {
        return new Setpoints(coilOutletTemp, feedRate, v, strippingSteam, keroDrawTemp, dieselDrawTemp);
    }

    /** Another stripping steam rate. */
    public Setpoints withStrippingSteam(double v) {
        return new Setpoints(coilOutletTemp, feedRate, refluxRatio, v, keroDrawTemp, dieselDrawTemp);
    }

    /** Another kerosene draw temperature. */
    public Setpoints withKeroDrawTemp(double v) {
        return new Setpoints(coilOutletTemp, feedRate, refluxRatio, strippingSteam, v, dieselDrawTemp);
    }

    /** Another diesel draw temperature. */
    public Setpoints withDieselDrawTemp(double v) {
        return new Setpoints(coilOutletTemp, feedRate, refluxRatio, strippingSteam, keroDrawTemp, v);
    }
}
