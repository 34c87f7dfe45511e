package org.dang.engine.monitor;

import java.util.Arrays;

/** Column means, covariance and empirical quantiles. */
public final class Descriptive {

    private Descriptive() {
    }

    /** Mean of each column. */
    public static double[] columnMeans(Matrix x) {
        double[] m = new double[x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                m[j] += x.get(i, j);
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= x.rows();
        }
        return m;
    }

    /** Sample covariance (divisor n - 1) of the columns; needs at least two rows. */
    public static Matrix covariance(Matrix x) {
        int n = x.rows();
        int p = x.cols();
        if (n < 2) {
            throw new IllegalArgumentException("covariance needs at least 2 rows, got " + n);
        }
        double[] mean = columnMeans(x);
        double[][] c = new double[p][p];
        double[] centred = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                centred[j] = x.get(i, j) - mean[j];
            }
            // Upper triangle only; mirrored below so the result is exactly symmetric.
            for (int j = 0; j < p; j++) {
                double a = centred[j];
                double[] row = c[j];
                for (int k = j; k < p; k++) {
                    row[k] += a * centred[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                c[j][k] /= n - 1;
                c[k][j] = c[j][k];
            }
        }
        return Matrix.of(c);
    }

    /** Arithmetic mean of the values. */
    public static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /**
     * The p-quantile with linear interpolation between order statistics (Hyndman and Fan type 7,
     * the default of R and numpy): position (n - 1) p in the sorted values.
     */
    public static double quantile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1]: " + p);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = (s.length - 1) * p;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
