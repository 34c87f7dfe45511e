package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The symmetric eigen-decomposition against matrices with known spectra and against A V = V D. */
class MonitorEigenTest {

    private static final double TOL = 1e-10;

    @Test
    void twoByTwoHasKnownValuesAndVectors() {
        EigenDecomposition e = SymmetricEigen.decompose(Matrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertArrayEquals(new double[] {3, 1}, e.values(), TOL);
        double r = Math.sqrt(0.5);
        assertArrayEquals(new double[] {r, r}, e.vector(0), TOL);
        // Sign convention: largest component positive.
        double[] v1 = e.vector(1);
        assertEquals(r, Math.abs(v1[0]), TOL);
        assertEquals(-v1[0], v1[1], TOL);
    }

    @Test
    void tridiagonalToeplitzHasCosineSpectrum() {
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 4;
            if (i > 0) {
                a[i][i - 1] = 1;
                a[i - 1][i] = 1;
            }
        }
        EigenDecomposition e = SymmetricEigen.decompose(Matrix.of(a));
        for (int k = 1; k <= n; k++) {
            // Eigenvalues a + 2b cos(k pi / (n + 1)), largest first.
            assertEquals(4 + 2 * Math.cos(k * Math.PI / (n + 1)), e.value(k - 1), TOL);
        }
        assertDecomposes(Matrix.of(a), e);
    }

    @Test
    void diagonalAndRepeatedEigenvalues() {
        EigenDecomposition d = SymmetricEigen.decompose(Matrix.of(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 3}}));
        assertArrayEquals(new double[] {5, 3, 1}, d.values(), TOL);
        assertArrayEquals(new double[] {0, 1, 0}, d.vector(0), TOL);
        // 2 I + u u' with |u|^2 = 3 has eigenvalues 5, 2, 2: the repeated pair must still come out orthonormal.
        double[] u = {1, 1, 1};
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = (i == j ? 2 : 0) + u[i] * u[j];
            }
        }
        EigenDecomposition e = SymmetricEigen.decompose(Matrix.of(a));
        assertArrayEquals(new double[] {5, 2, 2}, e.values(), TOL);
        assertDecomposes(Matrix.of(a), e);
    }

    @Test
    void randomSymmetricMatrixIsReconstructed() {
        Random rnd = new Random(7);
        int n = 80;
        double[][] a = new double[n][n];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rnd.nextGaussian();
                a[j][i] = a[i][j];
            }
            trace += a[i][i];
        }
        EigenDecomposition e = SymmetricEigen.decompose(Matrix.of(a));
        assertDecomposes(Matrix.of(a), e);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += e.value(i);
            if (i > 0) {
                assertTrue(e.value(i) <= e.value(i - 1), "descending order");
            }
        }
        assertEquals(trace, sum, 1e-9);
    }

    @Test
    void covarianceOfLowRankDataHasZeroTail() {
        Random rnd = new Random(3);
        double[][] x = new double[200][6];
        for (double[] row : x) {
            double f = rnd.nextGaussian();
            double g = rnd.nextGaussian();
            for (int j = 0; j < 6; j++) {
                row[j] = (j + 1) * f + (j % 2 == 0 ? g : -g);
            }
        }
        EigenDecomposition e = SymmetricEigen.decompose(Descriptive.covariance(Matrix.of(x)));
        assertTrue(e.value(1) > 1, "two real factors");
        for (int i = 2; i < 6; i++) {
            assertEquals(0, e.value(i), 1e-9);
        }
    }

    @Test
    void refusesNonSymmetricAndNonSquare() {
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(Matrix.of(new double[][] {{1, 2}, {3, 4}})));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(Matrix.of(new double[][] {{1, 2, 3}, {2, 1, 0}})));
    }

    @Test
    void oneByOne() {
        EigenDecomposition e = SymmetricEigen.decompose(Matrix.of(new double[][] {{-2.5}}));
        assertArrayEquals(new double[] {-2.5}, e.values(), 0);
        assertArrayEquals(new double[] {1}, e.vector(0), 0);
    }

    /** A V = V D and V'V = I. */
    private static void assertDecomposes(Matrix a, EigenDecomposition e) {
        Matrix v = e.vectors();
        int n = a.rows();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            d[i][i] = e.value(i);
        }
        assertTrue(a.times(v).maxAbsDifference(v.times(Matrix.of(d))) < 1e-9, "A V = V D");
        assertTrue(v.transpose().times(v).maxAbsDifference(Matrix.identity(n)) < 1e-12, "V'V = I");
    }
}
