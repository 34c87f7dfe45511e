package org.dang.engine.monitor.quality;

import java.util.Map;
import java.util.Objects;

import org.dang.engine.plant.TagDefinition;

/**
 * Quality thresholds per tag type. The type of a tag is its engineering unit (a valve position in %
 * sits still far longer than a flow in t/h); a single tag can be set apart by name.
 *
 * @param standard for every tag not named below
 * @param byUnit   thresholds for tags with this engineering unit, e.g. "%" or "degC"
 * @param byTag    thresholds for one tag; these win over {@code byUnit}
 */
public record QualityConfig(QualityThresholds standard, Map<String, QualityThresholds> byUnit,
                            Map<String, QualityThresholds> byTag) {

    public QualityConfig {
        Objects.requireNonNull(standard, "standard");
        byUnit = Map.copyOf(byUnit);
        byTag = Map.copyOf(byTag);
    }

    /** Default thresholds for every tag. */
    public static QualityConfig defaults() {
        return new QualityConfig(QualityThresholds.defaults(), Map.of(), Map.of());
    }

    /** The thresholds that apply to {@code tag}. */
    public QualityThresholds thresholdsFor(TagDefinition tag) {
        QualityThresholds t = byTag.get(tag.tag());
        if (t != null) {
            return t;
        }
        return byUnit.getOrDefault(tag.unit(), standard);
    }
}
