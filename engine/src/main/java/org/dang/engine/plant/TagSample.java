package org.dang.engine.plant;

import java.time.Instant;
import java.util.Objects;

import org.dang.engine.situation.Quality;

/** One value of one tag at one time, with the quality the data source or monitoring gave it. */
public record TagSample(String tag, Instant time, double value, Quality quality) {
    public TagSample {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(quality, "quality");
    }

    /** The same sample with another quality. */
    public TagSample withQuality(Quality q) {
        return new TagSample(tag, time, value, q);
    }
}
