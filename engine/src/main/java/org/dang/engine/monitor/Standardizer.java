package org.dang.engine.monitor;

/** Centres and scales each variable by the mean and standard deviation of the training data. */
public record Standardizer(double[] mean, double[] sd) {

    public Standardizer {
        if (mean.length != sd.length) {
            throw new IllegalArgumentException(mean.length + " means but " + sd.length + " deviations");
        }
        mean = mean.clone();
        sd = sd.clone();
    }

    /**
     * Fits on the columns of {@code x} (sample standard deviation, divisor n - 1). A constant
     * column is refused: it has no normal variation to scale by, so any change would be infinite.
     */
    public static Standardizer fit(Matrix x) {
        double[] mean = Descriptive.columnMeans(x);
        double[] sd = new double[x.cols()];
        if (x.rows() < 2) {
            throw new IllegalArgumentException("standardising needs at least 2 rows, got " + x.rows());
        }
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < sd.length; j++) {
                double d = x.get(i, j) - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(sd[j] / (x.rows() - 1));
            if (!(sd[j] > 1e-12 * Math.max(1.0, Math.abs(mean[j])))) {
                throw new IllegalArgumentException("column " + (j + 1) + " is constant in the training data (value "
                        + mean[j] + "); leave it out of monitoring");
            }
        }
        return new Standardizer(mean, sd);
    }

    /** Number of variables. */
    public int size() {
        return mean.length;
    }

    /** (x - mean) / sd for one row. */
    public double[] apply(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, expected " + mean.length);
        }
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / sd[j];
        }
        return z;
    }

    /** Every row standardised. */
    public Matrix apply(Matrix x) {
        double[][] out = new double[x.rows()][];
        for (int i = 0; i < x.rows(); i++) {
            out[i] = apply(x.row(i));
        }
        return Matrix.of(out);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }
}
