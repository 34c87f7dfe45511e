package org.dang.engine.plant.sim;

import java.util.Arrays;

/**
 * Per-tag first-order lag with dead time: each step the target enters a delay line of
 * round(dead time / step) samples, and the output moves a fraction 1 - exp(-step / tau) of the way
 * to the delayed target (the exact discrete lag for a target held over the step).
 */
final class LagBank {

    private final double[] alpha;
    private final double[] output;
    private final double[][] delayLine;
    private final int[] head;

    LagBank(double stepMinutes, double[] initial) {
        CduTag[] tags = CduTag.values();
        alpha = new double[tags.length];
        output = initial.clone();
        delayLine = new double[tags.length][];
        head = new int[tags.length];
        for (CduTag t : tags) {
            int i = t.ordinal();
            alpha[i] = 1 - Math.exp(-stepMinutes / t.timeConstantMin());
            int d = (int) Math.round(t.deadTimeMin() / stepMinutes);
            delayLine[i] = new double[d];
            Arrays.fill(delayLine[i], initial[i]);
        }
    }

    private LagBank(LagBank o) {
        alpha = o.alpha;
        output = o.output.clone();
        delayLine = new double[o.delayLine.length][];
        for (int i = 0; i < delayLine.length; i++) {
            delayLine[i] = o.delayLine[i].clone();
        }
        head = o.head.clone();
    }

    LagBank copy() {
        return new LagBank(this);
    }

    /** Advances one step towards {@code target}; returns the new outputs. */
    double[] step(double[] target) {
        for (int i = 0; i < output.length; i++) {
            double u = target[i];
            double[] line = delayLine[i];
            if (line.length > 0) {
                double delayed = line[head[i]];
                line[head[i]] = u;
                head[i] = (head[i] + 1) % line.length;
                u = delayed;
            }
            output[i] += alpha[i] * (u - output[i]);
        }
        return output.clone();
    }
}
