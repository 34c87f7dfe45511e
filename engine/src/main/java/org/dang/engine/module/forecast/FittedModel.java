package org.dang.engine.module.forecast;

/** A trained regression model. */
public interface FittedModel {

    /** Number of features the model expects. */
    int featureCount();

    /** The model's parameters in the format its family's {@code load} method reads back. */
    byte[] toBytes();

    /** Prediction for one feature row. */
    double predict(double[] x);

    /** Predictions for many rows; implementations may batch. */
    default double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = predict(x[i]);
        }
        return out;
    }
}
