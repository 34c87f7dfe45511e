package org.dang.engine.llm;

import java.util.OptionalLong;

/**
 * How the next token is drawn.
 *
 * @param temperature 0 (greedy) to 2; DeepSeek recommends 0.6 for R1
 * @param topP        nucleus probability mass, greater than 0 up to 1; DeepSeek recommends 0.95
 * @param seed        a fixed seed where the backend supports one, for reproducible answers
 */
public record Sampling(double temperature, double topP, OptionalLong seed) {

    public Sampling {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be 0 to 2, not " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be greater than 0 and at most 1, not " + topP);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** DeepSeek-R1's recommended sampling: temperature 0.6, top-p 0.95, no fixed seed. */
    public static Sampling deepSeekDefaults() {
        return new Sampling(0.6, 0.95, OptionalLong.empty());
    }
}
