package org.dang.engine.plant;

import java.time.Instant;
import java.util.List;

/** Every tag's sample at one scan time, as a data source delivers it. */
public record PlantScan(Instant time, List<TagSample> samples) {
    public PlantScan {
        samples = List.copyOf(samples);
    }
}
