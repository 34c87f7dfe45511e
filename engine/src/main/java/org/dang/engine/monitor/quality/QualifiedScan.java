package org.dang.engine.monitor.quality;

import java.util.List;

import org.dang.engine.plant.PlantScan;

/**
 * A scan whose samples carry their judged quality, and the tags whose quality changed with it.
 *
 * @param scan    the scan, every defined tag present (an absent one as a MISSING NaN sample)
 * @param changes quality changes against each tag's previous scan, in tag order
 */
public record QualifiedScan(PlantScan scan, List<QualityChange> changes) {
    public QualifiedScan {
        changes = List.copyOf(changes);
    }
}
