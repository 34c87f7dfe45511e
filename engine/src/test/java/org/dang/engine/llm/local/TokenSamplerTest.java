package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Greedy, temperature and top-p draws on hand-made logits. */
class TokenSamplerTest {

    @Test
    void temperatureZeroIsTheArgMax() {
        TokenSampler greedy = new TokenSampler(0, 1, 1);
        assertEquals(2, greedy.next(new float[] {0.5f, 1f, 3f, -2f}));
    }

    @Test
    void topPKeepsOnlyTheNucleus() {
        // Probabilities at temperature 1: about 0.665, 0.245, 0.090 and ~0 for the rest.
        float[] logits = {2f, 1f, 0f, -20f, -20f};
        TokenSampler narrow = new TokenSampler(1, 0.5, 3);
        for (int i = 0; i < 200; i++) {
            assertEquals(0, narrow.next(logits), "top-p 0.5 leaves only the most likely token");
        }
        TokenSampler two = new TokenSampler(1, 0.8, 3);
        for (int i = 0; i < 500; i++) {
            int t = two.next(logits);
            assertTrue(t == 0 || t == 1, "top-p 0.8 leaves the two most likely tokens, drew " + t);
        }
    }

    @Test
    void drawsFollowTheSoftmaxAtTheTemperature() {
        float[] logits = {1f, 0f};
        int n = 20000;
        int[] counts = new int[2];
        TokenSampler sampler = new TokenSampler(0.5, 1, 11);
        for (int i = 0; i < n; i++) {
            counts[sampler.next(logits)]++;
        }
        double expected = 1 / (1 + Math.exp(-2));   // softmax of {2, 0}
        assertEquals(expected, counts[0] / (double) n, 0.015);
    }

    @Test
    void aSeedRepeatsItsDraws() {
        float[] logits = {0.3f, 0.2f, 0.1f, 0f, -0.1f};
        TokenSampler a = new TokenSampler(1, 0.95, 99);
        TokenSampler b = new TokenSampler(1, 0.95, 99);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(logits), b.next(logits));
        }
    }
}
