package org.dang.engine.monitor;

/**
 * Eigenvalues of a symmetric matrix in descending order, with the unit eigenvectors as the
 * columns of {@code vectors} in the same order.
 */
public record EigenDecomposition(double[] values, Matrix vectors) {

    /** Eigenvalue i (0 = largest). */
    public double value(int i) {
        return values[i];
    }

    /** A copy of eigenvector i. */
    public double[] vector(int i) {
        return vectors.column(i);
    }
}
