package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NDArray forward pass against the plain-Java reference (single and sharded files, f32 and bf16
 * weights), and KV-cache decoding against recomputing the whole sequence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardPassTest {

    static final LocalModelOptions CPU_F32 = new LocalModelOptions(LocalModelOptions.DeviceChoice.CPU,
            LocalModelOptions.Precision.F32);

    /** BOS, User, "Hello" as bytes, Assistant, think, newline and a few more ids of the tiny vocabulary. */
    static final int[] PROMPT = {303, 301, 72, 101, 108, 108, 111, 302, 305, 10, 65, 200, 17, 99, 250, 290, 3};

    private Path dir;

    private Path f32Folder;
    private LocalModel f32;
    private ReferenceQwen2 f32Reference;

    @BeforeAll
    void load(@TempDir Path tmp) throws IOException {
        dir = tmp;
        f32Folder = TinyModels.write(dir, TensorDtype.F32, 1);
        f32 = LocalModel.load(f32Folder, CPU_F32);
        f32Reference = new ReferenceQwen2(f32Folder);
    }

    @AfterAll
    void close() {
        if (f32 != null) {
            f32.close();
        }
    }

    /** Largest |a - b| over the largest |b|, over all positions. */
    static double relativeError(float[][] actual, double[][] expected) {
        assertEquals(expected.length, actual.length, "positions");
        double maxDiff = 0;
        double maxRef = 0;
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t].length, actual[t].length, "vocabulary");
            for (int i = 0; i < expected[t].length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[t][i] - expected[t][i]));
                maxRef = Math.max(maxRef, Math.abs(expected[t][i]));
            }
        }
        return maxDiff / maxRef;
    }

    static float[][] allLogits(LocalModel model, int[] ids) {
        try (KvCache cache = model.network().newCache(ids.length)) {
            return model.network().forward(ids, cache, true, () -> false);
        }
    }

    @Test
    void f32WeightsMatchTheReference() {
        double error = relativeError(allLogits(f32, PROMPT), f32Reference.logits(PROMPT));
        assertTrue(error < 1e-4, "relative error " + error);
        assertTrue(error > 0, "the two implementations compute in different precisions; identical output is suspicious");
    }

    @Test
    void longSequenceMatchesTheReferenceSoRotaryAnglesHoldAtLaterPositions() {
        int[] ids = new SplittableRandom(7).ints(200, 0, 307).toArray();
        float[][] actual = allLogits(f32, ids);
        double[][] expected = f32Reference.logits(ids);
        double error = relativeError(new float[][] {actual[199]}, new double[][] {expected[199]});
        assertTrue(error < 1e-4, "relative error at position 199: " + error);
    }

    @Test
    void bf16FileLoadedAsF32MatchesTheReference() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.BF16, 1);
        try (LocalModel model = LocalModel.load(folder, CPU_F32)) {
            double error = relativeError(allLogits(model, PROMPT), new ReferenceQwen2(folder).logits(PROMPT));
            assertTrue(error < 1e-4, "relative error " + error);
            assertEquals("f32", model.precision());
        }
    }

    @Test
    void bf16FileRunInF16StaysCloseToTheReference() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.BF16, 1);
        try (LocalModel model = LocalModel.load(folder, new LocalModelOptions(LocalModelOptions.DeviceChoice.CPU,
                LocalModelOptions.Precision.F16))) {
            assertEquals("f16", model.precision());
            double error = relativeError(allLogits(model, PROMPT), new ReferenceQwen2(folder).logits(PROMPT));
            // f16 keeps 11 significant bits; through two layers the logits stay within a few thousandths.
            assertTrue(error < 1e-2, "relative error " + error);
            assertTrue(error > 1e-6, "f16 products cannot match double arithmetic exactly: " + error);
        }
    }

    @Test
    void f16FileRunInF32MatchesTheReference() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F16, 2);
        try (LocalModel model = LocalModel.load(folder, CPU_F32)) {
            double error = relativeError(allLogits(model, PROMPT), new ReferenceQwen2(folder).logits(PROMPT));
            assertTrue(error < 1e-4, "relative error " + error);
        }
    }

    @Test
    void shardedFilesGiveTheSameLogitsAsOneFile() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 3);
        try (LocalModel model = LocalModel.load(folder, CPU_F32)) {
            float[][] sharded = allLogits(model, PROMPT);
            float[][] single = allLogits(f32, PROMPT);
            for (int t = 0; t < PROMPT.length; t++) {
                assertArrayEquals(single[t], sharded[t], 0f, "position " + t);
            }
        }
    }

    @Test
    void cachedDecodingGivesTheLogitsOfRecomputation() {
        float[][] full = allLogits(f32, PROMPT);
        int prefill = 6;
        try (KvCache cache = f32.network().newCache(PROMPT.length)) {
            float[][] first = f32.network().forward(Arrays.copyOf(PROMPT, prefill), cache, false, () -> false);
            assertEquals(1, first.length);
            assertArrayEquals(full[prefill - 1], first[0], 1e-4f);
            for (int t = prefill; t < PROMPT.length; t++) {
                float[] step = f32.network().forward(new int[] {PROMPT[t]}, cache, false, () -> false)[0];
                assertEquals(t + 1, cache.length());
                double error = relativeError(new float[][] {step}, toDouble(full[t]));
                assertTrue(error < 1e-5, "position " + t + ": relative error " + error);
            }
        }
    }

    private static double[][] toDouble(float[] row) {
        double[] d = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            d[i] = row[i];
        }
        return new double[][] {d};
    }

    @Test
    void weightsAreCountedOncePerToken() {
        ModelShape s = ModelShape.tiny();
        // Untied: everything but the embedding table, in f32.
        long expected = (s.parameters() - (long) s.vocabSize() * s.hiddenSize()) * 4;
        assertEquals(expected, f32.weightBytesPerToken());
    }
}
