package org.dang.engine.module.optimize.env;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a policy sees at a decision: scaled features from the unit's measurements, the prices, the
 * unit's condition as the steady-state model knows it (the same estimate the safety layer uses),
 * and the setpoints in force in unit coordinates.
 *
 * @param time      plant time
 * @param features  {@link #FEATURES} in order, each scaled to about -1 .. 1 (0 where a tag reads NaN)
 * @param setpoints setpoints in force, unit coordinates
 */
public record Observation(Instant time, double[] features, double[] setpoints) {

    /** Feature names, in order. */
    public static final List<String> FEATURES = List.of("bias", "crude_api", "tube_metal_temp", "stack_temp",
            "furnace_inlet_temp", "feed_pump_vibration", "top_pressure", "column_dp", "brent", "diesel_spread",
            "kero_spread", "naphtha_spread", "residue_discount", "fuel_gas_price", "steam_price", "diesel_t95",
            "kero_flash", "furnace_fouling", "preheat_loss", "pump_wear", "crude_shift", "air_temp",
            "nominal_tube_metal_temp", "nominal_flooding", "nominal_top_pressure", "nominal_kero_flash",
            "nominal_diesel_t95", "pump_capacity", "nominal_firing", "sp_coil_outlet_temp", "sp_feed_rate", "sp_reflux_ratio", "sp_stripping_steam",
            "sp_kero_draw_temp", "sp_diesel_draw_temp");

    public Observation {
        Objects.requireNonNull(time, "time");
        features = features.clone();
        setpoints = setpoints.clone();
        if (features.length != FEATURES.size()) {
            throw new IllegalArgumentException("observation needs " + FEATURES.size() + " features, got "
                    + features.length);
        }
    }

    @Override
    public double[] features() {
        return features.clone();
    }

    @Override
    public double[] setpoints() {
        return setpoints.clone();
    }

    /** Feature {@code i} without copying the array (policies call this per decision). */
    public double feature(int i) {
        return features[i];
    }
}
