package org.dang.engine.module.market.loading;

import java.nio.file.Path;

/** One loaded series: what it is, where it came from, its observations and what the reader resolved. */
public record MarketSeries(SeriesId id, Path source, Observations observations, SeriesNotes notes) {

    /** The series' cadence. */
    public Cadence cadence() {
        return id.cadence();
    }
}
