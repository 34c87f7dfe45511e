package org.dang.engine.config;

import java.time.Duration;
import java.util.List;

import org.dang.engine.module.ModuleName;

/** {@code modules:} section, one entry per module. */
public record ModulesConfig(ModuleConfig forecasting, ModuleConfig analysis, ModuleConfig optimization) {

    /** The configuration of one module. */
    public ModuleConfig of(ModuleName name) {
        return switch (name) {
            case FORECASTING -> forecasting;
            case ANALYSIS -> analysis;
            case OPTIMIZATION -> optimization;
        };
    }

    /** Defaults for the crude distillation unit. */
    public static ModulesConfig defaults() {
        return new ModulesConfig(
                new ModuleConfig(true, Duration.ofSeconds(300), List.of("xgboost", "ridge"), false, 8, 1,
                        List.of("feed_rate", "coil_outlet_temp", "top_temp")),
                new ModuleConfig(true, Duration.ofSeconds(180), List.of("seasonal_norm", "change_point"), false, 4, 1,
                        List.of()),
                new ModuleConfig(true, Duration.ofSeconds(600), List.of("trained_policy_v2"), true, 4, 1,
                        List.of("feed_rate", "coil_outlet_temp", "tube_metal_temp", "top_pressure", "top_temp")));
    }
}
