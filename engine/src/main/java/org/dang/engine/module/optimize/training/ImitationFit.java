package org.dang.engine.module.optimize.training;

import java.util.SplittableRandom;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.module.optimize.policy.NetworkPolicy;

/**
 * Fits a {@link NetworkPolicy}'s weights to demonstrations (behaviour cloning): mini-batch Adam on
 * the cross-entropy between the logistic outputs and the oracle's targets in unit coordinates,
 * which pushes outputs firmly to a range end when the optimum sits there. Seeded and
 * single-threaded, so the same data and seed give the same weights.
 */
public final class ImitationFit {

    private static final double RATE = 0.01;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final int BATCH = 64;

    private ImitationFit() {
    }

    /** What the fit produced: weights and the final mean loss. */
    public record Result(double[] params, double loss) {
    }

    /** Fits an {@code inputs}-{@code hidden}-6 network to {@code data} for {@code epochs} passes. */
    public static Result fit(Demonstrations data, int inputs, int hidden, int epochs, long seed) {
        int outputs = SetpointSpace.SIZE;
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("no demonstrations to fit");
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[NetworkPolicy.parameterCount(inputs, hidden)];
        for (int i = 0; i < hidden * inputs; i++) {
            w[i] = (2 * r.nextDouble() - 1) / Math.sqrt(inputs);
        }
        int hb = hidden * inputs;
        int ow = hb + hidden;
        int ob = ow + outputs * hidden;
        for (int i = ow; i < ob; i++) {
            w[i] = (2 * r.nextDouble() - 1) / Math.sqrt(hidden);
        }
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double loss = 0;
        long t = 0;
        double[] h = new double[hidden];
        double[] out = new double[outputs];
        double[] dh = new double[hidden];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            loss = 0;
            for (int start = 0; start < n; start += BATCH) {
                int end = Math.min(n, start + BATCH);
                double[] g = new double[w.length];
                for (int s = start; s < end; s++) {
                    double[] x = data.features().get(order[s]);
                    double[] y = data.targets().get(order[s]);
                    for (int j = 0; j < hidden; j++) {
                        double z = w[hb + j];
                        for (int i = 0; i < inputs; i++) {
                            z += w[j * inputs + i] * x[i];
                        }
                        h[j] = Math.tanh(z);
                    }
                    for (int k = 0; k < outputs; k++) {
                        double z = w[ob + k];
                        for (int j = 0; j < hidden; j++) {
                            z += w[ow + k * hidden + j] * h[j];
                        }
                        out[k] = 1 / (1 + Math.exp(-z));
                        double yk = NetworkPolicy.toLogistic(Math.max(0, Math.min(1, y[k])));
                        loss -= yk * Math.log(Math.max(1e-12, out[k])) + (1 - yk) * Math.log(Math.max(1e-12, 1 - out[k]));
                    }
                    java.util.Arrays.fill(dh, 0);
                    for (int k = 0; k < outputs; k++) {
                        double dz = out[k] - NetworkPolicy.toLogistic(Math.max(0, Math.min(1, y[k])));
                        g[ob + k] += dz;
                        for (int j = 0; j < hidden; j++) {
                            g[ow + k * hidden + j] += dz * h[j];
                            dh[j] += dz * w[ow + k * hidden + j];
                        }
                    }
                    for (int j = 0; j < hidden; j++) {
                        double dz = dh[j] * (1 - h[j] * h[j]);
                        g[hb + j] += dz;
                        for (int i = 0; i < inputs; i++) {
                            g[j * inputs + i] += dz * x[i];
                        }
                    }
                }
                t++;
                double size = end - start;
                double c1 = 1 - Math.pow(BETA1, t);
                double c2 = 1 - Math.pow(BETA2, t);
                for (int i = 0; i < w.length; i++) {
                    double gi = g[i] / size;
                    m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
                    v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
                    w[i] -= RATE * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
                }
            }
            loss /= (double) n * outputs;
        }
        return new Result(w, loss);
    }
}
