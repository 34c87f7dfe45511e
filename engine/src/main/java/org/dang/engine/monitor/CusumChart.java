package org.dang.engine.monitor;

/**
 * Two-sided tabular CUSUM (Page 1954) on each of several standardised tags: C+ accumulates
 * z - k and C- accumulates -z - k, both floored at zero; a tag signals when either passes h.
 *
 * <p>It sums small persistent deviations that a Shewhart limit never sees, so it is the chart for
 * slow drifts. The defaults k = 0.5 and h = 5 (in standard deviations) detect a one-sigma shift in
 * about 10 samples and give an in-control run length of about 465 samples for independent normal
 * data (Montgomery, Introduction to Statistical Quality Control, table 9.3). Plant tags are
 * autocorrelated, which shortens that run length; the multivariate monitor therefore sets the
 * limit of its CUSUM channel empirically.
 */
public final class CusumChart {

    /** Default allowance k, in standard deviations: half the one-sigma shift the chart is tuned for. */
    public static final double DEFAULT_K = 0.5;
    /** Default decision interval h, in standard deviations. */
    public static final double DEFAULT_H = 5.0;

    private final double k;
    private final double h;
    private final double[] upper;
    private final double[] lower;

    /** A chart for {@code tags} tags with allowance k and decision interval h, both positive. */
    public CusumChart(int tags, double k, double h) {
        if (tags < 1 || !(k >= 0) || !(h > 0)) {
            throw new IllegalArgumentException("CUSUM needs tags >= 1, k >= 0, h > 0: " + tags + ", " + k + ", " + h);
        }
        this.k = k;
        this.h = h;
        this.upper = new double[tags];
        this.lower = new double[tags];
    }

    /** A chart with k = 0.5 and h = 5. */
    public static CusumChart standard(int tags) {
        return new CusumChart(tags, DEFAULT_K, DEFAULT_H);
    }

    /** Takes one standardised observation; returns max(C+, C-) per tag. */
    public double[] update(double[] z) {
        if (z.length != upper.length) {
            throw new IllegalArgumentException(z.length + " values for " + upper.length + " tags");
        }
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            upper[j] = Math.max(0, upper[j] + z[j] - k);
            lower[j] = Math.max(0, lower[j] - z[j] - k);
            out[j] = Math.max(upper[j], lower[j]);
        }
        return out;
    }

    /** Upward sum C+ of tag j. */
    public double upper(int j) {
        return upper[j];
    }

    /** Downward sum C- of tag j. */
    public double lower(int j) {
        return lower[j];
    }

    /** Whether tag j is signalling (either sum above h). */
    public boolean signals(int j) {
        return upper[j] > h || lower[j] > h;
    }

    /** The decision interval h. */
    public double h() {
        return h;
    }

    /** Back to the in-control state (both sums zero). */
    public void reset() {
        java.util.Arrays.fill(upper, 0);
        java.util.Arrays.fill(lower, 0);
    }
}
