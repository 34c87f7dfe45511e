package org.dang.engine.module.market.analysis;

/**
 * Running count, sum and sum of squares over a series (NaN entries skipped), so the mean and
 * standard deviation of any index range cost O(1). Each range uses only the entries inside it.
 */
public final class PrefixStats {

    private final int[] count;
    private final double[] sum;
    private final double[] sumSq;

    /** Prefix sums of {@code values}. */
    public PrefixStats(double[] values) {
        count = new int[values.length + 1];
        sum = new double[values.length + 1];
        sumSq = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            boolean ok = Double.isFinite(v);
            count[i + 1] = count[i] + (ok ? 1 : 0);
            sum[i + 1] = sum[i] + (ok ? v : 0);
            sumSq[i + 1] = sumSq[i] + (ok ? v * v : 0);
        }
    }

    /** Finite entries in [from, to). */
    public int count(int from, int to) {
        return count[clamp(to)] - count[clamp(from)];
    }

    /** Mean over [from, to); NaN when empty. */
    public double mean(int from, int to) {
        int n = count(from, to);
        return n == 0 ? Double.NaN : (sum[clamp(to)] - sum[clamp(from)]) / n;
    }

    /** Sum of squares over [from, to). */
    public double sumOfSquares(int from, int to) {
        return sumSq[clamp(to)] - sumSq[clamp(from)];
    }

    /** Sample standard deviation over [from, to); NaN with fewer than two entries. */
    public double std(int from, int to) {
        int n = count(from, to);
        if (n < 2) {
            return Double.NaN;
        }
        double s = sum[clamp(to)] - sum[clamp(from)];
        double var = (sumOfSquares(from, to) - s * s / n) / (n - 1);
        return Math.sqrt(Math.max(0, var));
    }

    private int clamp(int i) {
        return Math.max(0, Math.min(count.length - 1, i));
    }
}
