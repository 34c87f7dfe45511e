package org.dang.engine.module.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Declares the features for forecasting one target column.
 *
 * <p>All lags count back from the forecast origin t: lag k is the value at row t−k, so lag 0 is the latest
 * value known when the forecast is made. The label for horizon step h is the target at t+h.
 *
 * @param target          the column to forecast
 * @param targetLags      lags of the target, each ≥ 0
 * @param exogenous       other columns with their lags
 * @param rollingWindows  window lengths N ≥ 2; each adds mean, std (sample), min and max of y[t−N+1..t]
 * @param differenceLags  lags k ≥ 0 of the first difference y[t−k] − y[t−k−1]
 * @param calendar        whether to add hour of day and day of week of the target time as sin/cos pairs
 */
public record FeatureSpec(String target, List<Integer> targetLags, List<Exogenous> exogenous,
                          List<Integer> rollingWindows, List<Integer> differenceLags, boolean calendar) {

    /**
     * An exogenous column, the lags of it to use (each ≥ 0) and rolling windows (each ≥ 2) over which its mean,
     * std, min and max up to the origin are features too.
     */
    public record Exogenous(String column, List<Integer> lags, List<Integer> rollingWindows) {
        /** Validates and copies. */
        public Exogenous {
            Objects.requireNonNull(column, "column");
            lags = List.copyOf(lags);
            rollingWindows = List.copyOf(rollingWindows);
            if (lags.isEmpty() && rollingWindows.isEmpty()) {
                throw new IllegalArgumentException("exogenous column '" + column + "' needs at least one lag or window");
            }
            requireNonNegative(lags, "lag of '" + column + "'");
            requireWindows(rollingWindows);
        }

        /** A column with lags only. */
        public Exogenous(String column, List<Integer> lags) {
            this(column, lags, List.of());
        }
    }

    /** Validates and copies. */
    public FeatureSpec {
        Objects.requireNonNull(target, "target");
        targetLags = List.copyOf(targetLags);
        exogenous = List.copyOf(exogenous);
        rollingWindows = List.copyOf(rollingWindows);
        differenceLags = List.copyOf(differenceLags);
        requireNonNegative(targetLags, "target lag");
        requireNonNegative(differenceLags, "difference lag");
        requireWindows(rollingWindows);
        for (Exogenous e : exogenous) {
            if (e.column().equals(target)) {
                throw new IllegalArgumentException("the target '" + target + "' cannot also be exogenous; use target lags");
            }
        }
        if (targetLags.isEmpty() && exogenous.isEmpty() && rollingWindows.isEmpty() && differenceLags.isEmpty() && !calendar) {
            throw new IllegalArgumentException("feature spec for '" + target + "' declares no features");
        }
    }

    /** A spec with only target lags; add more with the with-methods. */
    public static FeatureSpec lags(String target, int... lags) {
        return new FeatureSpec(target, ints(lags), List.of(), List.of(), List.of(), false);
    }

    /** This spec plus an exogenous column with the given lags. */
    public FeatureSpec withExogenous(String column, int... lags) {
        List<Exogenous> more = new ArrayList<>(exogenous);
        more.add(new Exogenous(column, ints(lags)));
        return new FeatureSpec(target, targetLags, more, rollingWindows, differenceLags, calendar);
    }

    /** This spec with the same rolling windows over every exogenous column as well. */
    public FeatureSpec withExogenousRolling(List<Integer> windows) {
        List<Exogenous> more = exogenous.stream().map(e -> new Exogenous(e.column(), e.lags(), windows)).toList();
        return new FeatureSpec(target, targetLags, more, rollingWindows, differenceLags, calendar);
    }

    /** This spec with these rolling windows. */
    public FeatureSpec withRollingWindows(int... windows) {
        return new FeatureSpec(target, targetLags, exogenous, ints(windows), differenceLags, calendar);
    }

    /** This spec with these difference lags. */
    public FeatureSpec withDifferences(int... lags) {
        return new FeatureSpec(target, targetLags, exogenous, rollingWindows, ints(lags), calendar);
    }

    /** This spec with calendar features on or off. */
    public FeatureSpec withCalendar(boolean on) {
        return new FeatureSpec(target, targetLags, exogenous, rollingWindows, differenceLags, on);
    }

    /** How many rows before the origin the features reach back. */
    public int lookback() {
        int max = 0;
        for (int k : targetLags) {
            max = Math.max(max, k);
        }
        for (int w : rollingWindows) {
            max = Math.max(max, w - 1);
        }
        for (int k : differenceLags) {
            max = Math.max(max, k + 1);
        }
        for (Exogenous e : exogenous) {
            for (int k : e.lags()) {
                max = Math.max(max, k);
            }
            for (int w : e.rollingWindows()) {
                max = Math.max(max, w - 1);
            }
        }
        return max;
    }

    private static List<Integer> ints(int... values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    private static void requireWindows(List<Integer> windows) {
        for (int w : windows) {
            if (w < 2) {
                throw new IllegalArgumentException("rolling window must be at least 2 values, got " + w);
            }
        }
    }

    private static void requireNonNegative(List<Integer> values, String what) {
        for (int v : values) {
            if (v < 0) {
                throw new IllegalArgumentException(what + " must be ≥ 0 (counted back from the origin), got " + v);
            }
        }
    }
}
