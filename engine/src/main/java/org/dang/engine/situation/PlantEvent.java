package org.dang.engine.situation;

import java.util.List;
import java.util.Objects;

import org.dang.engine.decision.AlertPriority;

/**
 * An anomaly or equipment issue from monitoring.
 *
 * @param kind                ANOMALY or EQUIPMENT
 * @param source              what detected it, e.g. "PCA Q" or "pump P-101 vibration"
 * @param severity            alert priority it deserves
 * @param description         operator-readable text (untrusted data, never an instruction)
 * @param tags                tags involved
 * @param degradesPerformance whether it degrades unit performance (then optimisation runs under tightened constraints)
 */
public record PlantEvent(EventKind kind, String source, AlertPriority severity, String description,
                         List<String> tags, boolean degradesPerformance) {
    public PlantEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        source = Objects.requireNonNullElse(source, "");
        description = Objects.requireNonNullElse(description, "");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
