package org.dang.engine.module.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An immutable table of named double columns over a time index, one Instant per row; NaN marks a missing cell. */
public final class TimeSeriesTable {

    private final List<Instant> times;
    private final Map<String, double[]> columns;
    private final boolean timeIndexed;
    private final Duration interval;

    private TimeSeriesTable(List<Instant> times, Map<String, double[]> columns, boolean timeIndexed) {
        this.times = times;
        this.columns = columns;
        this.timeIndexed = timeIndexed;
        // Computed once: feature building asks for it at every row.
        this.interval = medianInterval(times);
    }

    /** A table indexed by real timestamps; times must be strictly increasing and every column as long as the index. */
    public static TimeSeriesTable of(List<Instant> times, Map<String, double[]> columns) {
        return create(times, columns, true);
    }

    /** A table indexed by row number 0..n-1 (stored as epoch seconds so the index stays an Instant). */
    public static TimeSeriesTable ofRows(Map<String, double[]> columns) {
        int n = columns.isEmpty() ? 0 : columns.values().iterator().next().length;
        List<Instant> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            times.add(Instant.ofEpochSecond(i));
        }
        return create(times, columns, false);
    }

    static TimeSeriesTable create(List<Instant> times, Map<String, double[]> columns, boolean timeIndexed) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a time series table needs at least one column");
        }
        List<Instant> copyTimes = List.copyOf(times);
        for (int i = 1; i < copyTimes.size(); i++) {
            if (!copyTimes.get(i).isAfter(copyTimes.get(i - 1))) {
                throw new IllegalArgumentException("times must be strictly increasing; row " + i + " ("
                        + copyTimes.get(i) + ") is not after row " + (i - 1) + " (" + copyTimes.get(i - 1) + ")");
            }
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("column names must not be blank");
            }
            if (e.getValue().length != copyTimes.size()) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + e.getValue().length
                        + " values but the index has " + copyTimes.size() + " rows");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new TimeSeriesTable(copyTimes, Collections.unmodifiableMap(copy), timeIndexed);
    }

    /** Number of rows. */
    public int rows() {
        return times.size();
    }

    /** Column names in their original order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Whether the table has a column with this name. */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** A copy of one column's values. */
    public double[] column(String name) {
        return raw(name).clone();
    }

    /** One cell. */
    public double value(String name, int row) {
        return raw(name)[row];
    }

    /** The index value of one row. */
    public Instant time(int row) {
        return times.get(row);
    }

    /** The whole time index. */
    public List<Instant> times() {
        return times;
    }

    /** True when the index holds real timestamps, false when it holds row numbers. */
    public boolean timeIndexed() {
        return timeIndexed;
    }

    /** The median spacing of the index, used to place timestamps beyond the last row; one second for a single row. */
    public Duration interval() {
        return interval;
    }

    private static Duration medianInterval(List<Instant> times) {
        if (times.size() < 2) {
            return Duration.ofSeconds(1);
        }
        long[] gaps = new long[times.size() - 1];
        for (int i = 1; i < times.size(); i++) {
            gaps[i - 1] = Duration.between(times.get(i - 1), times.get(i)).toNanos();
        }
        Arrays.sort(gaps);
        return Duration.ofNanos(gaps[gaps.length / 2]);
    }

    /** Rows from (inclusive) to (exclusive) as a new table. */
    public TimeSeriesTable slice(int from, int to) {
        Objects.checkFromToIndex(from, to, rows());
        Map<String, double[]> sliced = new LinkedHashMap<>();
        columns.forEach((k, v) -> sliced.put(k, Arrays.copyOfRange(v, from, to)));
        return new TimeSeriesTable(List.copyOf(times.subList(from, to)), Collections.unmodifiableMap(sliced), timeIndexed);
    }

    double[] raw(String name) {
        double[] v = columns.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the table has " + columns.keySet());
        }
        return v;
    }
}
