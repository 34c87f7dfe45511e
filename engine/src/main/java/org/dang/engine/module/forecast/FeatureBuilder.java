package org.dang.engine.module.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Turns a table and a {@link FeatureSpec} into design matrices, using only values at or before each origin. */
public final class FeatureBuilder {

    private final FeatureSpec spec;
    private final List<String> names;

    /** A builder for one spec. */
    public FeatureBuilder(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.names = List.copyOf(buildNames(spec));
    }

    /** The spec this builder follows. */
    public FeatureSpec spec() {
        return spec;
    }

    /** Feature names, in column order. */
    public List<String> featureNames() {
        return names;
    }

    /** Rows (origin t, label target[t+step]) for every origin whose features and label all exist. */
    public DesignMatrix build(TimeSeriesTable table, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("horizon step must be ≥ 1, got " + step);
        }
        check(table);
        double[] target = table.raw(spec.target());
        int first = spec.lookback();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        int dropped = 0;
        int lastOrigin = table.rows() - 1 - step;
        for (int t = first; t <= lastOrigin; t++) {
            double[] f = features(target, table, t, targetTime(table, t, step));
            double label = target[t + step];
            if (Double.isNaN(label) || !allFinite(f)) {
                dropped++;
                continue;
            }
            xs.add(f);
            ys.add(label);
            origins.add(t);
        }
        int history = Math.max(0, Math.min(first, lastOrigin + 1));
        return new DesignMatrix(names, xs.toArray(double[][]::new),
                ys.stream().mapToDouble(Double::doubleValue).toArray(),
                origins.stream().mapToInt(Integer::intValue).toArray(), step, history, dropped);
    }

    /** The feature row at origin t for predicting step h; NaN entries where history is missing. */
    public double[] featureRow(TimeSeriesTable table, int origin, int step) {
        check(table);
        Objects.checkIndex(origin, table.rows());
        return features(table.raw(spec.target()), table, origin, targetTime(table, origin, step));
    }

    /**
     * The feature row at origin t with the target read from {@code target}, which may run past the table
     * (the recursive strategy appends its own predictions there). Exogenous values come from the table.
     */
    double[] features(double[] target, TimeSeriesTable table, int t, Instant targetTime) {
        double[] f = new double[names.size()];
        int i = 0;
        for (int k : spec.targetLags()) {
            f[i++] = at(target, t - k);
        }
        for (FeatureSpec.Exogenous e : spec.exogenous()) {
            double[] col = table.raw(e.column());
            for (int k : e.lags()) {
                f[i++] = at(col, t - k);
            }
            for (int w : e.rollingWindows()) {
                i = rolling(col, t, w, f, i);
            }
        }
        for (int w : spec.rollingWindows()) {
            i = rolling(target, t, w, f, i);
        }
        for (int k : spec.differenceLags()) {
            f[i++] = at(target, t - k) - at(target, t - k - 1);
        }
        if (spec.calendar()) {
            ZonedDateTime z = targetTime.atZone(ZoneOffset.UTC);
            double hour = (z.getHour() + z.getMinute() / 60.0 + z.getSecond() / 3600.0) / 24.0;
            double day = (z.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) / 7.0;
            f[i++] = Math.sin(2 * Math.PI * hour);
            f[i++] = Math.cos(2 * Math.PI * hour);
            f[i++] = Math.sin(2 * Math.PI * day);
            f[i++] = Math.cos(2 * Math.PI * day);
        }
        return f;
    }

    /** Writes mean, sample std, min and max of series[t−w+1..t] at f[i..i+3] (NaN when incomplete); returns i + 4. */
    private static int rolling(double[] series, int t, int w, double[] f, int i) {
        if (t - w + 1 < 0 || t >= series.length) {
            Arrays.fill(f, i, i + 4, Double.NaN);
            return i + 4;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = t - w + 1; j <= t; j++) {
            double v = series[j];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / w;
        double ss = 0;
        for (int j = t - w + 1; j <= t; j++) {
            ss += (series[j] - mean) * (series[j] - mean);
        }
        f[i] = mean;
        f[i + 1] = Math.sqrt(ss / (w - 1));
        f[i + 2] = min;
        f[i + 3] = max;
        return i + 4;
    }

    /** The time of the predicted value: the origin's time plus step × the table's median interval. */
    static Instant targetTime(TimeSeriesTable table, int origin, int step) {
        Duration interval = table.interval();
        return table.time(origin).plus(interval.multipliedBy(step));
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private void check(TimeSeriesTable table) {
        table.raw(spec.target());
        for (FeatureSpec.Exogenous e : spec.exogenous()) {
            table.raw(e.column());
        }
        if (spec.calendar() && !table.timeIndexed()) {
            throw new IllegalArgumentException("calendar features need a time-indexed table, but this one is indexed by row number");
        }
    }

    private static double at(double[] values, int row) {
        return row >= 0 && row < values.length ? values[row] : Double.NaN;
    }

    private static List<String> buildNames(FeatureSpec spec) {
        List<String> n = new ArrayList<>();
        String y = spec.target();
        for (int k : spec.targetLags()) {
            n.add(y + "_lag" + k);
        }
        for (FeatureSpec.Exogenous e : spec.exogenous()) {
            for (int k : e.lags()) {
                n.add(e.column() + "_lag" + k);
            }
            for (int w : e.rollingWindows()) {
                n.addAll(List.of(e.column() + "_mean" + w, e.column() + "_std" + w, e.column() + "_min" + w,
                        e.column() + "_max" + w));
            }
        }
        for (int w : spec.rollingWindows()) {
            n.add(y + "_mean" + w);
            n.add(y + "_std" + w);
            n.add(y + "_min" + w);
            n.add(y + "_max" + w);
        }
        for (int k : spec.differenceLags()) {
            n.add(y + "_diff_lag" + k);
        }
        if (spec.calendar()) {
            n.addAll(List.of("hour_sin", "hour_cos", "dow_sin", "dow_cos"));
        }
        return n;
    }
}
