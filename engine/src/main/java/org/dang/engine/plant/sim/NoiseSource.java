package org.dang.engine.plant.sim;

/**
 * Seeded random numbers (SplitMix64, Marsaglia polar Gaussians) whose state can be copied, so a
 * simulator copy continues exactly like the original; implemented here so the sample data does
 * not change with the JDK's generator.
 */
final class NoiseSource {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;
    private double spare;
    private boolean hasSpare;

    private NoiseSource(long state) {
        this.state = state;
    }

    /** Independent stream number {@code stream} of {@code seed}. */
    static NoiseSource stream(long seed, int stream) {
        return new NoiseSource(mix(seed + GOLDEN * (stream + 1L)));
    }

    NoiseSource copy() {
        NoiseSource c = new NoiseSource(state);
        c.spare = spare;
        c.hasSpare = hasSpare;
        return c;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
