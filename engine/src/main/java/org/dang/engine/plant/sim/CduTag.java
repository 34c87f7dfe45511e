package org.dang.engine.plant.sim;

import java.util.Locale;
import java.util.Optional;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.TagDefinition;

/**
 * The crude unit's measured tags: name, unit, instrument range, alarm limits, and how the
 * simulator measures them (time constant, dead time, noise, decimals written to history files).
 * See docs/simulator.md for where each number comes from.
 */
public enum CduTag {
    FEED_RATE("feed_rate", "Crude charge to the unit (FIC on the charge pump)", "bbl/d", 0, 150_000,
            alarms(50_000.0, 70_000.0, 116_000.0, null, AlertPriority.MEDIUM, 1_000), 2, 0, 250, 0),
    CRUDE_API("crude_api", "Crude API gravity from the charge densitometer", "API", 10, 50,
            AlarmLimits.none(), 5, 2, 0.05, 2),
    DESALTER_TEMP("desalter_temp", "Desalter temperature (end of cold preheat train)", "degC", 0, 200,
            alarms(null, 115.0, 150.0, null, AlertPriority.LOW, 2), 20, 3, 0.3, 1),
    DESALTER_SALT_OUT("desalter_salt_out", "Salt in desalted crude (analyser)", "PTB", 0, 50,
            alarms(null, null, 2.5, 5.0, AlertPriority.LOW, 0.2), 30, 15, 0.05, 2),
    FURNACE_INLET_TEMP("furnace_inlet_temp", "Crude to furnace (end of hot preheat train)", "degC", 0, 400,
            alarms(240.0, 255.0, null, null, AlertPriority.LOW, 2), 15, 2, 0.4, 1),
    COIL_OUTLET_TEMP("coil_outlet_temp", "Furnace coil outlet temperature (COT)", "degC", 0, 500,
            alarms(320.0, 328.0, 388.0, 395.0, AlertPriority.MEDIUM, 1), 4, 1, 0.3, 1),
    TUBE_METAL_TEMP("tube_metal_temp", "Furnace tube-metal temperature, hottest radiant skin point", "degC", 0, 800,
            alarms(null, null, 630.0, 645.0, AlertPriority.HIGH, 3), 8, 1, 1.0, 1),
    FUEL_GAS_FLOW("fuel_gas_flow", "Fuel gas to furnace burners", "t/h", 0, 10,
            alarms(null, null, 5.9, 6.15, AlertPriority.MEDIUM, 0.05), 3, 0, 0.03, 2),
    FUEL_GAS_DUTY("fuel_gas_duty", "Furnace fired duty (fuel gas x LHV)", "GJ/h", 0, 400,
            AlarmLimits.none(), 3, 0, 1.0, 1),
    FURNACE_EFFICIENCY("furnace_efficiency", "Furnace thermal efficiency (absorbed / fired)", "%", 50, 100,
            alarms(null, 87.0, null, null, AlertPriority.LOW, 0.3), 10, 0, 0.1, 2),
    STACK_TEMP("stack_temp", "Furnace flue gas stack temperature", "degC", 0, 500,
            alarms(null, null, 230.0, null, AlertPriority.LOW, 3), 10, 1, 0.8, 1),
    FLASH_ZONE_TEMP("flash_zone_temp", "Column flash zone temperature", "degC", 0, 500,
            AlarmLimits.none(), 6, 1, 0.4, 1),
    TOP_PRESSURE("top_pressure", "Column top pressure", "barg", 0, 4,
            alarms(null, 1.2, 1.8, 2.0, AlertPriority.HIGH, 0.03), 3, 0, 0.005, 3),
    TOP_TEMP("top_temp", "Column top temperature", "degC", 0, 250,
            alarms(null, 100.0, 140.0, null, AlertPriority.LOW, 1), 12, 2, 0.3, 1),
    KERO_DRAW_TEMP("kero_draw_temp", "Kerosene draw tray temperature", "degC", 0, 350,
            AlarmLimits.none(), 12, 2, 0.3, 1),
    DIESEL_DRAW_TEMP("diesel_draw_temp", "Diesel draw tray temperature", "degC", 0, 400,
            AlarmLimits.none(), 15, 2, 0.3, 1),
    BOTTOMS_TEMP("bottoms_temp", "Atmospheric residue temperature (column bottom)", "degC", 0, 450,
            AlarmLimits.none(), 10, 2, 0.4, 1),
    REFLUX_FLOW("reflux_flow", "Top reflux flow", "m3/h", 0, 600,
            alarms(60.0, 90.0, null, null, AlertPriority.MEDIUM, 3), 5, 0, 1.0, 1),
    STRIPPING_STEAM("stripping_steam", "Bottom stripping steam", "t/h", 0, 15,
            alarms(null, 1.5, null, null, AlertPriority.LOW, 0.1), 2, 0, 0.03, 2),
    COLUMN_DP("column_dp", "Column pressure drop, flash zone to top (flooding indicator)", "kPa", 0, 60,
            alarms(null, null, 34.0, 37.0, AlertPriority.MEDIUM, 0.5), 5, 0, 0.15, 2),
    LPG_YIELD("lpg_yield", "LPG yield on crude", "vol%", 0, 10,
            AlarmLimits.none(), 30, 10, 0.02, 2),
    NAPHTHA_YIELD("naphtha_yield", "Naphtha yield on crude", "vol%", 0, 50,
            AlarmLimits.none(), 30, 10, 0.1, 2),
    KERO_YIELD("kero_yield", "Kerosene yield on crude", "vol%", 0, 30,
            AlarmLimits.none(), 30, 10, 0.08, 2),
    DIESEL_YIELD("diesel_yield", "Diesel yield on crude", "vol%", 0, 50,
            AlarmLimits.none(), 30, 10, 0.1, 2),
    RESIDUE_YIELD("residue_yield", "Atmospheric residue yield on crude", "vol%", 0, 100,
            AlarmLimits.none(), 30, 10, 0.15, 2),
    KERO_FLASH("kero_flash", "Kerosene flash point (online analyser)", "degC", 0, 100,
            alarms(38.0, 40.0, null, null, AlertPriority.MEDIUM, 0.5), 20, 20, 0.3, 1),
    DIESEL_T95("diesel_t95", "Diesel 95 % recovered temperature, D86 (online analyser)", "degC", 250, 450,
            alarms(null, null, 357.0, 360.0, AlertPriority.MEDIUM, 1), 20, 20, 0.8, 1),
    FEED_PUMP_VIBRATION("feed_pump_vibration", "Charge pump P-101 bearing vibration velocity (RMS)", "mm/s", 0, 30,
            alarms(null, null, 4.5, 7.1, AlertPriority.MEDIUM, 0.2), 10, 0, 0.08, 2),
    ENERGY_PER_BBL("energy_per_bbl", "Fired fuel plus stripping steam energy per barrel of crude", "MJ/bbl", 0, 200,
            AlarmLimits.none(), 5, 0, 0.3, 1),
    MARGIN("margin", "Unit gross margin: products minus crude minus energy", "USD/bbl", -30, 30,
            AlarmLimits.none(), 30, 10, 0.03, 2);

    private final String tag;
    private final String description;
    private final String unit;
    private final double low;
    private final double high;
    private final AlarmLimits alarms;
    private final double timeConstantMin;
    private final double deadTimeMin;
    private final double noiseSigma;
    private final int decimals;

    CduTag(String tag, String description, String unit, double low, double high, AlarmLimits alarms,
           double timeConstantMin, double deadTimeMin, double noiseSigma, int decimals) {
        this.tag = tag;
        this.description = description;
        this.unit = unit;
        this.low = low;
        this.high = high;
        this.alarms = alarms;
        this.timeConstantMin = timeConstantMin;
        this.deadTimeMin = deadTimeMin;
        this.noiseSigma = noiseSigma;
        this.decimals = decimals;
    }

    private static AlarmLimits alarms(Double loLo, Double lo, Double hi, Double hiHi, AlertPriority priority,
                                      double deadband) {
        return new AlarmLimits(loLo, lo, hi, hiHi, priority, deadband);
    }

    /** The tag name used in scans, files and situations, e.g. {@code coil_outlet_temp}. */
    public String tag() {
        return tag;
    }

    /** Engineering unit. */
    public String unit() {
        return unit;
    }

    /** Time constant of the measured response to its steady-state target, minutes. */
    public double timeConstantMin() {
        return timeConstantMin;
    }

    /** Dead time before the measured value starts to respond, minutes. */
    public double deadTimeMin() {
        return deadTimeMin;
    }

    /** Standard deviation of the Gaussian measurement noise, in the tag's unit. */
    public double noiseSigma() {
        return noiseSigma;
    }

    /** Decimals written to history files (about a tenth of the noise). */
    public int decimals() {
        return decimals;
    }

    /** The tag as the plant data interfaces describe it. */
    public TagDefinition definition() {
        return new TagDefinition(tag, description, unit, low, high, alarms);
    }

    /** The tag with this name, if it is one of the unit's. */
    public static Optional<CduTag> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (CduTag t : values()) {
            if (t.tag.equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
