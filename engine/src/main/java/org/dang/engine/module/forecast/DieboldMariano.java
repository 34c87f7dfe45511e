package org.dang.engine.module.forecast;

import org.dang.engine.monitor.Distributions;

/**
 * The Diebold–Mariano test of equal forecast accuracy under squared-error loss, with the
 * Harvey–Leybourne–Newbold small-sample correction: the statistic is scaled by
 * sqrt((n + 1 − 2h + h(h − 1)/n) / n) and compared with Student's t on n − 1 degrees of freedom.
 * The long-run variance of the loss differential uses its autocovariances up to lag h − 1, because
 * h-step forecasts made at successive origins overlap.
 */
public final class DieboldMariano {

    private DieboldMariano() {
    }

    /**
     * The outcome of one test.
     *
     * @param statistic corrected statistic; positive when the second forecast has the smaller loss
     * @param pValue    two-sided p-value from Student's t with {@code n − 1} degrees of freedom
     * @param n         number of paired forecasts
     * @param meanLossDifference mean of e1² − e2²
     */
    public record Result(double statistic, double pValue, int n, double meanLossDifference) {
    }

    /**
     * Tests whether forecasts with errors {@code e1} and {@code e2} (paired, in time order) are equally
     * accurate at horizon {@code h}. Needs at least three pairs; a loss differential with zero variance
     * gives p = 1 when it is zero everywhere and p = 0 otherwise.
     */
    public static Result test(double[] e1, double[] e2, int h) {
        if (e1.length != e2.length) {
            throw new IllegalArgumentException(e1.length + " errors of the first forecast but " + e2.length + " of the second");
        }
        double[] d = new double[e1.length];
        for (int t = 0; t < d.length; t++) {
            d[t] = e1[t] * e1[t] - e2[t] * e2[t];
        }
        return testDifferential(d, h);
    }

    /**
     * The same test on a given loss differential d_t = loss1_t − loss2_t (for instance the squared errors of
     * whole H-step paths, averaged over the steps, with h = H). Needs more than 2h values.
     */
    public static Result testDifferential(double[] d, int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be ≥ 1, got " + h);
        }
        int n = d.length;
        if (n < 3 || n + 1 - 2.0 * h + h * (h - 1.0) / n <= 0) {
            throw new IllegalArgumentException("the Diebold–Mariano test at horizon " + h + " needs more than "
                    + Math.max(2, 2 * h) + " paired forecasts, got " + n);
        }
        double mean = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(d[t])) {
                throw new IllegalArgumentException("loss differential " + t + " is not finite");
            }
            mean += d[t];
        }
        mean /= n;
        double gamma0 = autocovariance(d, mean, 0);
        double longRun = gamma0;
        for (int k = 1; k < Math.min(h, n); k++) {
            longRun += 2 * autocovariance(d, mean, k);
        }
        // Unweighted autocovariance sums can turn negative for h > 1; the lag-0 variance is then the honest fallback.
        if (!(longRun > 0)) {
            longRun = gamma0;
        }
        if (!(longRun > 0)) {
            return new Result(mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean), mean == 0 ? 1 : 0, n, mean);
        }
        double dm = mean / Math.sqrt(longRun / n);
        double correction = Math.sqrt((n + 1 - 2.0 * h + h * (h - 1.0) / n) / n);
        double stat = dm * correction;
        double p = 2 * studentTail(Math.abs(stat), n - 1);
        return new Result(stat, Math.min(1, p), n, mean);
    }

    /** P(T > t) for Student's t with {@code df} degrees of freedom, t ≥ 0. */
    static double studentTail(double t, double df) {
        if (Double.isInfinite(t)) {
            return 0;
        }
        return 0.5 * Distributions.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double s = 0;
        for (int t = lag; t < d.length; t++) {
            s += (d[t] - mean) * (d[t - lag] - mean);
        }
        return s / d.length;
    }
}
