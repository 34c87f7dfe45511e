package org.dang.engine.module.market.loading;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Every series the market analysis reads, loaded; a series absent from the files is empty. */
public record MarketData(Map<SeriesId, MarketSeries> series) {

    public MarketData {
        EnumMap<SeriesId, MarketSeries> copy = new EnumMap<>(SeriesId.class);
        copy.putAll(series);
        series = Collections.unmodifiableMap(copy);
    }

    /** The observations of {@code id}; empty when the series was not loaded. */
    public Observations observations(SeriesId id) {
        MarketSeries s = series.get(id);
        return s == null ? Observations.empty() : s.observations();
    }

    /** A daily series' observations; throws when {@code id} is weekly. */
    public Observations daily(SeriesId id) {
        if (id.cadence() != Cadence.DAILY) {
            throw new IllegalArgumentException(id + " is a weekly series");
        }
        return observations(id);
    }

    /** A weekly series' observations; throws when {@code id} is daily. */
    public Observations weekly(SeriesId id) {
        if (id.cadence() != Cadence.WEEKLY) {
            throw new IllegalArgumentException(id + " is a daily series");
        }
        return observations(id);
    }

    /** Total observations over all series. */
    public long observationCount() {
        return series.values().stream().mapToLong(s -> s.observations().size()).sum();
    }
}
