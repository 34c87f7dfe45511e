package org.dang.engine.monitor;

/**
 * EWMA chart (Roberts 1959) on each of several standardised tags: e = lambda z + (1 - lambda) e,
 * started at 0 (the training mean); a tag signals when |e| passes L sigma_e, with the exact
 * variance sigma_e^2 = lambda / (2 - lambda) (1 - (1 - lambda)^(2 i)) after i samples.
 *
 * <p>A small lambda averages over about 2 / lambda samples, so it sees slow drifts that single
 * samples hide. The defaults lambda = 0.1 and L = 2.814 give an in-control average run length of
 * about 500 for independent normal data (Lucas and Saccucci 1990). As with {@link CusumChart},
 * autocorrelated plant tags need their limit set empirically, which the multivariate monitor does.
 */
public final class EwmaChart {

    /** Default smoothing constant. */
    public static final double DEFAULT_LAMBDA = 0.1;
    /** Default limit width in standard deviations of the EWMA. */
    public static final double DEFAULT_WIDTH = 2.814;

    private final double lambda;
    private final double width;
    private final double[] state;
    private long samples;

    /** A chart for {@code tags} tags with smoothing lambda in (0, 1] and limit width L > 0. */
    public EwmaChart(int tags, double lambda, double width) {
        if (tags < 1 || !(lambda > 0 && lambda <= 1) || !(width > 0)) {
            throw new IllegalArgumentException("EWMA needs tags >= 1, lambda in (0, 1], L > 0: " + tags + ", "
                    + lambda + ", " + width);
        }
        this.lambda = lambda;
        this.width = width;
        this.state = new double[tags];
    }

    /** A chart with lambda = 0.1 and L = 2.814. */
    public static EwmaChart standard(int tags) {
        return new EwmaChart(tags, DEFAULT_LAMBDA, DEFAULT_WIDTH);
    }

    /** Takes one standardised observation; returns the EWMA of each tag. */
    public double[] update(double[] z) {
        if (z.length != state.length) {
            throw new IllegalArgumentException(z.length + " values for " + state.length + " tags");
        }
        for (int j = 0; j < z.length; j++) {
            state[j] = lambda * z[j] + (1 - lambda) * state[j];
        }
        samples++;
        return state.clone();
    }

    /** Current control limit on |EWMA| (it widens towards its asymptote over the first samples). */
    public double limit() {
        double var = lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * Math.max(samples, 1)));
        return width * Math.sqrt(var);
    }

    /** Whether tag j is signalling. */
    public boolean signals(int j) {
        return Math.abs(state[j]) > limit();
    }

    /** The smoothing constant. */
    public double lambda() {
        return lambda;
    }

    /** Back to the in-control state (all EWMAs zero). */
    public void reset() {
        java.util.Arrays.fill(state, 0);
        samples = 0;
    }
}
