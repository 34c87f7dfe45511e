package org.dang.engine.module.forecast;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two model families the forecasting module chooses between. */
public enum ModelFamily {
    /** Ridge regression on standardised features (Smile). */
    RIDGE("Ridge"),
    /** Gradient-boosted trees (xgboost4j). */
    XGBOOST("XGBoost");

    private final String label;

    ModelFamily(String label) {
        this.label = label;
    }

    /** The name operators read, such as "Ridge" or "XGBoost". */
    public String label() {
        return label;
    }

    /** The key used in requests, files and the store ({@code ridge}, {@code xgboost}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a family up by its key, ignoring case. */
    public static Optional<ModelFamily> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equalsIgnoreCase(key)).findFirst();
    }
}
