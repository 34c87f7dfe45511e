package org.dang.engine.module.forecast;

import java.nio.ByteBuffer;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.LinearModel;
import smile.regression.RidgeRegression;

/** Ridge regression (Smile) on features standardised with the fit data's mean and standard deviation. */
public record RidgeRegressor(double lambda) implements Regressor {

    /** Validates lambda. */
    public RidgeRegressor {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge lambda must be finite and ≥ 0, got " + lambda);
        }
    }

    /** Ridge with lambda 1.0. */
    public RidgeRegressor() {
        this(1.0);
    }

    @Override
    public String name() {
        return "ridge";
    }

    @Override
    public FittedModel fit(double[][] x, double[] y) {
        int p = Regressor.checkShape(x, y);
        int n = x.length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            mean[j] = s / n;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            double sd = Math.sqrt(ss / n);
            // A constant column carries no information; scale 1 keeps it at zero instead of dividing by zero.
            scale[j] = sd > 1e-12 ? sd : 1.0;
        }
        double[][] rows = new double[n][p + 1];
        String[] names = new String[p + 1];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        names[p] = "y";
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rows[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            rows[i][p] = y[i];
        }
        LinearModel model = RidgeRegression.fit(Formula.lhs("y"), DataFrame.of(rows, names), lambda);
        double[] coef = new double[p];
        for (int j = 0; j < p; j++) {
            coef[j] = model.coefficients().get(j);
        }
        return new Fitted(model.intercept(), coef, mean, scale);
    }

    /** Reads a model written by {@link FittedModel#toBytes()} of a ridge fit. */
    public static FittedModel load(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || b.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a ridge model file (bad header)");
        }
        int p = b.getInt();
        if (p < 1 || bytes.length != 8 + 8 * (1 + 3 * p)) {
            throw new IllegalArgumentException("ridge model file is truncated or has a wrong feature count " + p);
        }
        double intercept = b.getDouble();
        double[] coef = new double[p];
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            coef[j] = b.getDouble();
            mean[j] = b.getDouble();
            scale[j] = b.getDouble();
        }
        return new Fitted(intercept, coef, mean, scale);
    }

    /** "RDG1": identifies a ridge model file and its layout version. */
    private static final int MAGIC = 0x52444731;

    /** Coefficients on the standardised scale, with the standardisation, so a model file needs no Smile to read. */
    private record Fitted(double intercept, double[] coefficients, double[] mean, double[] scale) implements FittedModel {
        @Override
        public int featureCount() {
            return mean.length;
        }

        @Override
        public byte[] toBytes() {
            ByteBuffer b = ByteBuffer.allocate(8 + 8 * (1 + 3 * mean.length));
            b.putInt(MAGIC).putInt(mean.length).putDouble(intercept);
            for (int j = 0; j < mean.length; j++) {
                b.putDouble(coefficients[j]).putDouble(mean[j]).putDouble(scale[j]);
            }
            return b.array();
        }

        @Override
        public double predict(double[] x) {
            if (x.length != mean.length) {
                throw new IllegalArgumentException("expected " + mean.length + " features, got " + x.length);
            }
            double yhat = intercept;
            for (int j = 0; j < x.length; j++) {
                yhat += coefficients[j] * (x[j] - mean[j]) / scale[j];
            }
            return yhat;
        }
    }
}
