package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Matrix operations, standardisation, covariance, quantiles and the distribution functions (scipy values). */
class MonitorMathTest {

    @Test
    void matrixProductsAndTranspose() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new double[][] {{1, 0}, {0, 1}, {2, -1}});
        assertEquals(Matrix.of(new double[][] {{7, -1}, {16, -1}}), a.times(b));
        assertEquals(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), a.transpose());
        assertArrayEquals(new double[] {14, 32}, a.times(new double[] {1, 2, 3}), 0);
        assertArrayEquals(new double[] {9, 12, 15}, a.transposeTimes(new double[] {1, 2}), 0);
        assertEquals(Matrix.of(new double[][] {{4, 5, 6}}), a.selectRows(new int[] {1}));
        assertEquals(Matrix.of(new double[][] {{1, 2}, {4, 5}}), a.leftColumns(2));
        assertThrows(IllegalArgumentException.class, () -> a.times(a));
    }

    @Test
    void covarianceAndStandardizer() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {2, 4}, {3, 7}});
        Matrix c = Descriptive.covariance(x);
        assertEquals(1.0, c.get(0, 0), 1e-12);
        assertEquals(2.5, c.get(0, 1), 1e-12);
        assertEquals(c.get(0, 1), c.get(1, 0), 0);
        assertEquals(19.0 / 3, c.get(1, 1), 1e-12);
        Standardizer s = Standardizer.fit(x);
        assertArrayEquals(new double[] {2, 13.0 / 3}, s.mean(), 1e-12);
        assertArrayEquals(new double[] {-1, (2 - 13.0 / 3) / Math.sqrt(19.0 / 3)}, s.apply(new double[] {1, 2}), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(Matrix.of(new double[][] {{1, 5}, {2, 5}, {3, 5}})));
        assertTrue(e.getMessage().contains("column 2 is constant"), e.getMessage());
    }

    @Test
    void quantileIsNumpyDefault() {
        assertEquals(3.97, Descriptive.quantile(new double[] {1, 2, 3, 4}, 0.99), 1e-12);
        assertEquals(3.0, Descriptive.quantile(new double[] {5, 1, 3}, 0.5), 1e-12);
        assertEquals(6.9, Descriptive.quantile(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, 0.9), 1e-12);
    }

    @Test
    void laggedRowsAppendThePast() {
        Matrix x = Matrix.of(new double[][] {{1, 10}, {2, 20}, {3, 30}});
        assertEquals(Matrix.of(new double[][] {{2, 20, 1, 10}, {3, 30, 2, 20}}), LaggedRows.of(x, 1));
        LagWindow w = new LagWindow(1);
        assertTrue(w.push(x.row(0)).isEmpty());
        assertArrayEquals(new double[] {2, 20, 1, 10}, w.push(x.row(1)).orElseThrow(), 0);
        assertArrayEquals(new double[] {3, 30, 2, 20}, w.push(x.row(2)).orElseThrow(), 0);
    }

    @Test
    void distributionsMatchScipy() {
        assertEquals(Math.log(Math.sqrt(Math.PI)), Distributions.logGamma(0.5), 1e-13);
        assertEquals(Math.log(362880), Distributions.logGamma(10), 1e-12);
        assertEquals(0.9331927987311419, Distributions.normalCdf(1.5), 1e-13);
        assertEquals(2.3263478740408408, Distributions.normalQuantile(0.99), 1e-11);
        assertEquals(1.959963984540054, Distributions.normalQuantile(0.975), 1e-11);
        assertEquals(-6.361340902404056, Distributions.normalQuantile(1e-10), 1e-9);
        assertEquals(0.6412224629717214, Distributions.regularizedBeta(0.3, 2.5, 7), 1e-13);
        assertEquals(0.9537232360319685, Distributions.fCdf(2.5, 5, 40), 1e-13);
        assertEquals(2.3095560095950987, Distributions.fQuantile(0.99, 11, 289), 1e-10);
        assertEquals(3.098391212140781, Distributions.fQuantile(0.95, 3, 20), 1e-10);
        assertEquals(1.6192694600058102, Distributions.fQuantile(0.99, 48, 251), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> Distributions.normalQuantile(1));
    }
}
