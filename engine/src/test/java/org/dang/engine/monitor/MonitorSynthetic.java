package org.dang.engine.monitor;

import java.util.Random;

/** Synthetic plant data for the monitor tests: a few latent factors drive many correlated tags. */
final class MonitorSynthetic {

    static final int TAGS = 10;
    static final int FACTORS = 3;
    static final double NOISE = 0.3;

    private final double[][] loadings = new double[TAGS][FACTORS];
    private final double[] offsets = new double[TAGS];
    private final Random rnd;

    MonitorSynthetic(long seed) {
        Random structure = new Random(1234);
        for (int j = 0; j < TAGS; j++) {
            for (int f = 0; f < FACTORS; f++) {
                loadings[j][f] = structure.nextGaussian();
            }
            offsets[j] = 50 + 10 * structure.nextGaussian();
        }
        rnd = new Random(seed);
    }

    /** The true loadings (tags x factors) in raw units. */
    double[][] loadings() {
        return loadings;
    }

    /** n independent normal observations. */
    Matrix normal(int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = observation();
        }
        return Matrix.of(x);
    }

    /** n observations from an AR(1) factor process with coefficient phi: autocorrelated like real plant data. */
    Matrix autocorrelated(int n, double phi) {
        double[] f = new double[FACTORS];
        double scale = Math.sqrt(1 - phi * phi);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < FACTORS; k++) {
                f[k] = phi * f[k] + scale * rnd.nextGaussian();
            }
            x[i] = fromFactors(f);
        }
        return Matrix.of(x);
    }

    double[] observation() {
        double[] f = new double[FACTORS];
        for (int k = 0; k < FACTORS; k++) {
            f[k] = rnd.nextGaussian();
        }
        return fromFactors(f);
    }

    private double[] fromFactors(double[] f) {
        double[] x = new double[TAGS];
        for (int j = 0; j < TAGS; j++) {
            double v = offsets[j] + NOISE * rnd.nextGaussian();
            for (int k = 0; k < FACTORS; k++) {
                v += loadings[j][k] * f[k];
            }
            x[j] = v;
        }
        return x;
    }

    /** Fraction of rows of {@code data} for which the test holds. */
    static double fraction(Matrix data, java.util.function.Predicate<double[]> test) {
        int hits = 0;
        for (int i = 0; i < data.rows(); i++) {
            hits += test.test(data.row(i)) ? 1 : 0;
        }
        return (double) hits / data.rows();
    }
}
