package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures a loaded model: prompt processing speed, time to first token and generation speed for a
 * prompt of a given length, greedy and ignoring stop tokens so exactly the asked number of tokens
 * is generated, after a warm-up generation of 16 tokens.
 */
public final class GenerationBenchmark {

    /** Figures of one measured generation. */
    public record Figures(int promptTokens, double promptTokensPerSecond, double timeToFirstTokenSeconds,
            int generatedTokens, double generationTokensPerSecond) {
    }

    private GenerationBenchmark() {
    }

    /** A prompt of exactly {@code tokens} ids: BOS, then the built-in refinery text repeated as needed. */
    public static int[] prompt(LocalModel model, int tokens) {
        int[] text = model.tokenizer().encode(ByteLevelBpeWriter.TRAINING_TEXT);
        if (text.length == 0) {
            throw new IllegalStateException("the tokenizer encodes the benchmark text to nothing");
        }
        int[] ids = new int[tokens];
        ids[0] = model.config().bosTokenId();
        for (int i = 1; i < tokens; i++) {
            ids[i] = text[(i - 1) % text.length];
        }
        return ids;
    }

    /** Warms up, then generates {@code newTokens} after a {@code promptTokens}-token prompt. */
    public static Figures run(LocalModel model, int promptTokens, int newTokens) {
        if (promptTokens < 2 || newTokens < 2) {
            throw new IllegalArgumentException("need at least 2 prompt tokens and 2 new tokens");
        }
        int[] prompt = prompt(model, promptTokens);
        // Warm-up long enough for the JIT to compile the per-token path (a cold step costs several times more).
        model.generate(Arrays.copyOf(prompt, Math.min(prompt.length, 16)), GenerationSettings.greedy(16).ignoringStops(),
                (id, text) -> { }, () -> false);
        GenerationStats stats = model.generate(prompt, GenerationSettings.greedy(newTokens).ignoringStops(),
                (id, text) -> { }, () -> false);
        return new Figures(stats.promptTokens(), stats.promptTokensPerSecond(),
                stats.timeToFirstToken().toNanos() / 1e9, stats.generatedTokens(), stats.generationTokensPerSecond());
    }

    /** Writes a random model of {@code shape} with bf16 weights (as Hugging Face ships them) into {@code folder}. */
    public static void writeRandom(Path folder, ModelShape shape, long seed) throws IOException {
        RandomModelWriter.write(folder, shape, TensorDtype.BF16, 1, seed);
    }
}
