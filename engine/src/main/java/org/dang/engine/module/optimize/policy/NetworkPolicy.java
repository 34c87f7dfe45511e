package org.dang.engine.module.optimize.policy;

import java.util.Arrays;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.module.optimize.env.Observation;

/**
 * A small neural network policy: observation features -> one tanh hidden layer -> a target for
 * each setpoint through a logistic output stretched to reach 0.1 beyond each end of the range. The
 * parameters are one flat vector, the form the trainer searches over: hidden weights (row-major,
 * hidden x features), hidden biases, output weights (row-major, outputs x hidden), output biases.
 */
public final class NetworkPolicy implements Policy {

    /** How far beyond each range end (unit coordinates) the output can reach. */
    public static final double OVERSHOOT = 0.1;

    private final int inputs;
    private final int hidden;
    private final double[] params;

    /** A network with {@code inputs} features and {@code hidden} units over {@code params}. */
    public NetworkPolicy(int inputs, int hidden, double[] params) {
        if (inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException("a network needs at least one input and one hidden unit");
        }
        if (params.length != parameterCount(inputs, hidden)) {
            throw new IllegalArgumentException("a " + inputs + "-" + hidden + "-" + SetpointSpace.SIZE
                    + " network has " + parameterCount(inputs, hidden) + " parameters, got " + params.length);
        }
        for (int i = 0; i < params.length; i++) {
            if (!Double.isFinite(params[i])) {
                throw new IllegalArgumentException("network parameter " + i + " is " + params[i]);
            }
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.params = params.clone();
    }

    /** Number of parameters of an {@code inputs}-{@code hidden}-6 network. */
    public static int parameterCount(int inputs, int hidden) {
        return hidden * inputs + hidden + SetpointSpace.SIZE * hidden + SetpointSpace.SIZE;
    }

    @Override
    public double[] act(Observation observation) {
        if (Observation.FEATURES.size() != inputs) {
            throw new IllegalArgumentException("policy expects " + inputs + " features, observation has "
                    + Observation.FEATURES.size());
        }
        double[] h = new double[hidden];
        int w = 0;
        for (int j = 0; j < hidden; j++) {
            double s = 0;
            for (int i = 0; i < inputs; i++) {
                s += params[w++] * observation.feature(i);
            }
            h[j] = s;
        }
        for (int j = 0; j < hidden; j++) {
            h[j] = Math.tanh(h[j] + params[w++]);
        }
        double[] out = new double[SetpointSpace.SIZE];
        for (int k = 0; k < out.length; k++) {
            double s = 0;
            for (int j = 0; j < hidden; j++) {
                s += params[w++] * h[j];
            }
            out[k] = s;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = fromLogistic(1 / (1 + Math.exp(-(out[k] + params[w++]))));
        }
        return out;
    }

    /**
     * Maps a logistic output to a target: a little beyond each end of the range, so a finite weight
     * can ask for a range end (the safety layer clips it there).
     */
    public static double fromLogistic(double s) {
        return -OVERSHOOT + (1 + 2 * OVERSHOOT) * s;
    }

    /** The logistic output that gives {@code target} (inverse of {@link #fromLogistic}). */
    public static double toLogistic(double target) {
        return (target + OVERSHOOT) / (1 + 2 * OVERSHOOT);
    }

    /** Number of features. */
    public int inputs() {
        return inputs;
    }

    /** Number of hidden units. */
    public int hidden() {
        return hidden;
    }

    /** A copy of the parameters. */
    public double[] params() {
        return params.clone();
    }

    @Override
    public String toString() {
        return "NetworkPolicy[" + inputs + "-" + hidden + "-" + SetpointSpace.SIZE + ", |theta|="
                + Arrays.stream(params).map(Math::abs).max().orElse(0) + "]";
    }
}
