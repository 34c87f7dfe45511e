package org.dang.engine.llm.local;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from f32 logits: the arg-max when the temperature is 0, else a draw from the
 * softmax at that temperature restricted to the smallest set of most likely tokens whose probability
 * reaches top-p. Seeded, so a seed gives the same tokens for the same logits.
 */
final class TokenSampler {

    private final double temperature;
    private final double topP;
    private final SplittableRandom random;

    TokenSampler(double temperature, double topP, long seed) {
        this.temperature = temperature;
        this.topP = topP;
        this.random = new SplittableRandom(seed);
    }

    int next(float[] logits) {
        int best = argMax(logits);
        if (temperature == 0) {
            return best;
        }
        double max = logits[best];
        double[] weights = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double w = Float.isNaN(logits[i]) ? 0 : Math.exp((logits[i] - max) / temperature);
            weights[i] = w;
            sum += w;
        }
        // Order candidates by probability: float bits of a non-negative value sort like the value, and the
        // low 32 bits keep the index, so one primitive sort does it.
        long[] keyed = new long[logits.length];
        int n = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                keyed[n++] = ((long) Float.floatToIntBits((float) (weights[i] / sum)) << 32) | i;
            }
        }
        Arrays.sort(keyed, 0, n);
        double kept = 0;
        int first = n - 1;
        for (; first >= 0; first--) {
            kept += weights[(int) keyed[first]];
            if (kept >= topP * sum) {
                break;
            }
        }
        first = Math.max(first, 0);
        double target = random.nextDouble() * kept;
        double acc = 0;
        for (int j = n - 1; j >= first; j--) {
            int index = (int) keyed[j];
            acc += weights[index];
            if (acc >= target) {
                return index;
            }
        }
        return (int) keyed[first];
    }

    static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best] || Float.isNaN(logits[best])) {
                best = i;
            }
        }
        return best;
    }
}
