package org.dang.engine.plant;

import java.time.Instant;

import org.dang.engine.situation.Quality;

/**
 * A copy of one tag's recent history, oldest first, in parallel arrays (compact for trends with
 * 100,000 points).
 */
public record TagSeries(String tag, long[] epochMillis, double[] values, Quality[] qualities) {

    /** Number of samples. */
    public int size() {
        return values.length;
    }

    /** Time of sample {@code i}. */
    public Instant time(int i) {
        return Instant.ofEpochMilli(epochMillis[i]);
    }
}
