package org.dang.engine.module.forecast;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a forecast request asks for: automatic selection or a fixed family ({@code model_selection}). */
public enum ModelChoice {
    /** Backtest both families and choose by the selection policy. */
    AUTO,
    /** Ridge only. */
    RIDGE,
    /** XGBoost only. */
    XGBOOST;

    /** The key used in requests: auto, ridge or xgboost. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a choice up by its key, ignoring case. */
    public static Optional<ModelChoice> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equalsIgnoreCase(key)).findFirst();
    }
}
