package org.dang.engine.module.market.analysis;

import java.time.LocalDate;

import org.dang.engine.module.market.loading.Observations;

/**
 * A weekly quantity with what the analysis asks of it, precomputed once for every week: its
 * five-year seasonal norm, its week-on-week change, the seasonal norm of that change, and the
 * surprise (change minus the norm's change). Every entry at week i uses weeks up to i only, so an
 * analysis as of week i never looks ahead.
 */
public final class WeeklyProfile {

    /** Weeks of earlier surprises that scale the current one into standard deviations (three years). */
    public static final int SURPRISE_WINDOW = 156;
    /** Fewest earlier surprises that make a scale. */
    public static final int MIN_SURPRISES = 52;

    private final Observations dates;
    private final double[] values;
    private final SeasonalBands bands;
    private final double[] change;
    private final double[] surprise;
    private final double[] normChange;
    private final PrefixStats surprises;

    private WeeklyProfile(Observations dates, double[] values) {
        this.dates = dates;
        this.values = values;
        this.bands = SeasonalBands.of(dates, values);
        int n = dates.size();
        change = new double[n];
        for (int i = 0; i < n; i++) {
            change[i] = i > 0 && dates.day(i) - dates.day(i - 1) == 7 ? values[i] - values[i - 1] : Double.NaN;
        }
        SeasonalBands changeNorm = SeasonalBands.of(dates, change);
        normChange = changeNorm.mean();
        surprise = new double[n];
        for (int i = 0; i < n; i++) {
            surprise[i] = change[i] - normChange[i];
        }
        surprises = new PrefixStats(surprise);
    }

    /** The profile of a weekly series. */
    public static WeeklyProfile of(Observations obs) {
        return new WeeklyProfile(obs, obs.values());
    }

    /** The profile of {@code values} (a quantity derived on {@code dates}). */
    public static WeeklyProfile of(Observations dates, double[] values) {
        return new WeeklyProfile(dates, values);
    }

    /** The weeks. */
    public Observations dates() {
        return dates;
    }

    /** Number of weeks. */
    public int size() {
        return dates.size();
    }

    /** The date of week {@code i}. */
    public LocalDate date(int i) {
        return dates.date(i);
    }

    /** The value at week {@code i} (NaN when unknown). */
    public double value(int i) {
        return values[i];
    }

    /** The seasonal norm. */
    public SeasonalBands bands() {
        return bands;
    }

    /** Week-on-week change at week {@code i}; NaN after a missing week. */
    public double change(int i) {
        return change[i];
    }

    /** The seasonal norm of the change at week {@code i} (mean of the same week's change over five years). */
    public double normalChange(int i) {
        return normChange[i];
    }

    /** Change minus its seasonal norm at week {@code i}. */
    public double surprise(int i) {
        return surprise[i];
    }

    /**
     * The surprise at week {@code i} in standard deviations of the surprises of the
     * {@value #SURPRISE_WINDOW} weeks before it; NaN when there are too few.
     */
    public double surpriseSigma(int i) {
        int from = Math.max(0, i - SURPRISE_WINDOW);
        if (surprises.count(from, i) < MIN_SURPRISES || !Double.isFinite(surprise[i])) {
            return Double.NaN;
        }
        double s = surprises.std(from, i);
        return s > 0 ? surprise[i] / s : Double.NaN;
    }

    /** Index of the week a year (52 weeks) before week {@code i}, or -1. */
    public int yearBefore(int i) {
        return dates.near(dates.day(i) - 364, SeasonalBands.WEEK_TOLERANCE);
    }

    /** Index of the last week on or before {@code day}, or -1. */
    public int lastAtOrBefore(long day) {
        return dates.lastAtOrBefore(day);
    }

    /**
     * Four-week average of {@code obs} ending at {@code day}: the mean of the weeks at day, day-7,
     * day-14 and day-21 that exist; NaN when fewer than three do.
     */
    public static double fourWeekAverage(Observations obs, long day) {
        double s = 0;
        int m = 0;
        for (int k = 0; k < 4; k++) {
            int j = obs.at(day - 7L * k);
            if (j >= 0) {
                s += obs.value(j);
                m++;
            }
        }
        return m >= 3 ? s / m : Double.NaN;
    }
}
