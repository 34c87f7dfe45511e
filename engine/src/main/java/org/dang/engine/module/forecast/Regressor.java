package org.dang.engine.module.forecast;

/** A learning algorithm: fits a model on a design matrix. Implementations keep no state between fits. */
public interface Regressor {

    /** Fits on rows X (all the same width, no NaN) with labels y. */
    FittedModel fit(double[][] x, double[] y);

    /**
     * Fits as {@link #fit(double[][], double[])} does, calling {@code checkpoint} between units of work
     * (boosting rounds) so a cancelled run stops promptly; the checkpoint throws to stop.
     */
    default FittedModel fit(double[][] x, double[] y, Runnable checkpoint) {
        checkpoint.run();
        return fit(x, y);
    }

    /** A short name for reports, such as "ridge" or "xgboost". */
    String name();

    /** Checks shapes shared by every implementation and returns the feature count. */
    static int checkShape(double[][] x, double[] y) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot fit on zero rows");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " feature rows but " + y.length + " labels");
        }
        int p = x[0].length;
        if (p == 0) {
            throw new IllegalArgumentException("cannot fit with zero features");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, row 0 has " + p);
            }
        }
        return p;
    }
}
