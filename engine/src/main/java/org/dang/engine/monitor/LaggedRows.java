package org.dang.engine.monitor;

/**
 * Builds the augmented observations of dynamic PCA: row t becomes [x(t), x(t-1), ..., x(t-lags)],
 * so the model also learns how each tag relates to its own and the others' recent past.
 */
public final class LaggedRows {

    private LaggedRows() {
    }

    /** The lagged matrix: one row per raw row from index {@code lags} on, {@code (lags + 1) * cols} wide. */
    public static Matrix of(Matrix x, int lags) {
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be >= 0: " + lags);
        }
        if (lags == 0) {
            return x;
        }
        int n = Math.max(0, x.rows() - lags);
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            out[r] = row(x, r + lags, lags);
        }
        return n == 0 ? Matrix.of(new double[0][0]) : Matrix.of(out);
    }

    private static double[] row(Matrix x, int t, int lags) {
        int m = x.cols();
        double[] a = new double[(lags + 1) * m];
        for (int l = 0; l <= lags; l++) {
            for (int j = 0; j < m; j++) {
                a[l * m + j] = x.get(t - l, j);
            }
        }
        return a;
    }
}
