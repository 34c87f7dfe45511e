package org.dang.engine.module.market.loading;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Dated values of one series in ascending date order, one value per date (duplicates resolved by
 * the reader). Dates are epoch days. The arrays are owned by this object and never changed.
 */
public record Observations(long[] days, double[] values) {

    public Observations {
        if (days.length != values.length) {
            throw new IllegalArgumentException(days.length + " dates but " + values.length + " values");
        }
        for (int i = 1; i < days.length; i++) {
            if (days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("dates not strictly ascending at index " + i + ": "
                        + LocalDate.ofEpochDay(days[i - 1]) + " then " + LocalDate.ofEpochDay(days[i]));
            }
        }
    }

    /** No observations. */
    public static Observations empty() {
        return new Observations(new long[0], new double[0]);
    }

    /** Number of observations. */
    public int size() {
        return days.length;
    }

    /** Epoch day of observation {@code i}. */
    public long day(int i) {
        return days[i];
    }

    /** Date of observation {@code i}. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    /** Value of observation {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Index of the last observation on or before {@code day}, or -1 when there is none. */
    public int lastAtOrBefore(long day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the observation within {@code tolerance} days of {@code day} (the closest), or -1. */
    public int near(long day, int tolerance) {
        int i = lastAtOrBefore(day);
        int best = -1;
        long bestGap = Long.MAX_VALUE;
        for (int j = Math.max(0, i); j <= Math.min(days.length - 1, i + 1); j++) {
            long gap = Math.abs(days[j] - day);
            if (gap <= tolerance && gap < bestGap) {
                best = j;
                bestGap = gap;
            }
        }
        return best;
    }

    /** The observation at exactly {@code day}, or -1. */
    public int at(long day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -1;
    }
}
