package org.dang.engine.module.market.analysis;

import java.time.LocalDate;

import org.dang.engine.module.market.loading.Observations;

/**
 * The seasonal norm of a weekly quantity: for each week, the same week of the previous five years
 * (the observation within 3 days of the same calendar date k = 1..5 years earlier), their mean,
 * minimum, maximum and sample standard deviation. A week with fewer than {@value #MIN_YEARS} of
 * those years has no norm (NaN). Only earlier years are used, so a week's norm never looks ahead.
 */
public record SeasonalBands(double[] mean, double[] min, double[] max, double[] std, int[] years) {

    /** Years compared. */
    public static final int YEARS = 5;
    /** Fewest years that make a norm. */
    public static final int MIN_YEARS = 3;
    /** Tolerance when matching the same week of an earlier year, in days. */
    public static final int WEEK_TOLERANCE = 3;

    /** The norm of {@code values}, aligned with {@code dates}; NaN values are skipped. */
    public static SeasonalBands of(Observations dates, double[] values) {
        int n = dates.size();
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        double[] std = new double[n];
        int[] years = new int[n];
        double[] sample = new double[YEARS];
        for (int i = 0; i < n; i++) {
            LocalDate d = dates.date(i);
            int m = 0;
            for (int k = 1; k <= YEARS; k++) {
                int j = dates.near(d.minusYears(k).toEpochDay(), WEEK_TOLERANCE);
                if (j >= 0 && j < i && Double.isFinite(values[j])) {
                    sample[m++] = values[j];
                }
            }
            years[i] = m;
            if (m < MIN_YEARS) {
                mean[i] = min[i] = max[i] = std[i] = Double.NaN;
                continue;
            }
            double s = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                s += sample[k];
                lo = Math.min(lo, sample[k]);
                hi = Math.max(hi, sample[k]);
            }
            double mu = s / m;
            double ss = 0;
            for (int k = 0; k < m; k++) {
                ss += (sample[k] - mu) * (sample[k] - mu);
            }
            mean[i] = mu;
            min[i] = lo;
            max[i] = hi;
            std[i] = Math.sqrt(ss / (m - 1));
        }
        return new SeasonalBands(mean, min, max, std, years);
    }

    /** Deviation of {@code value} at week {@code i} from the norm, in standard deviations; NaN without a norm. */
    public double sigma(int i, double value) {
        return std[i] > 0 ? (value - mean[i]) / std[i] : Double.NaN;
    }
}
