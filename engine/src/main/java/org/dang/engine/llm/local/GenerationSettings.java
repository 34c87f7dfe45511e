package org.dang.engine.llm.local;

import java.util.Set;

/**
 * How to generate: a budget of new tokens, sampling temperature (0 = greedy) and nucleus top-p, a
 * seed that makes sampling reproducible, and the tokens that end generation: the model's EOS ids
 * (from generation_config.json) when {@code stopAtEos}, plus {@code extraStopTokenIds}.
 */
public record GenerationSettings(int maxNewTokens, double temperature, double topP, long seed,
        boolean stopAtEos, Set<Integer> extraStopTokenIds) {

    /** Checks ranges; errors name the field. */
    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        extraStopTokenIds = Set.copyOf(extraStopTokenIds);
    }

    /** Sampling at {@code temperature}/{@code topP}, stopping at EOS. */
    public static GenerationSettings sampling(int maxNewTokens, double temperature, double topP, long seed) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, true, Set.of());
    }

    /** Greedy decoding, stopping at EOS. */
    public static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 0, 1, 0, true, Set.of());
    }

    /** The same settings without any stop token: exactly {@code maxNewTokens} are produced (benchmarks). */
    public GenerationSettings ignoringStops() {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, false, Set.of());
    }
}
