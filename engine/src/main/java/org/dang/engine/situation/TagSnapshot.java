package org.dang.engine.situation;

import java.util.List;
import java.util.Objects;

/**
 * One tag as the engine sees it at decision time.
 *
 * @param tag     tag name, e.g. coil_outlet_temp
 * @param value   latest value; null when missing
 * @param unit    engineering unit, e.g. degC
 * @param quality quality reported by the data source (GOOD when absent)
 * @param range   physical range, optional
 * @param history recent values, oldest first, optional
 */
public record TagSnapshot(String tag, Double value, String unit, Quality quality, Range range, List<Double> history) {
    public TagSnapshot {
        Objects.requireNonNull(tag, "tag");
        quality = Objects.requireNonNullElse(quality, Quality.GOOD);
        unit = Objects.requireNonNullElse(unit, "");
        history = history == null ? List.of() : List.copyOf(history);
    }
}
