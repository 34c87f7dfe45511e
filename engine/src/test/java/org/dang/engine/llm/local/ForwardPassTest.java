package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NDArray forward pass against the plain-Java reference, and KV-cache decoding against recomputation. */
class ForwardPassTest {

    private static final LocalModelOptions CPU_F32 = new LocalModelOptions(LocalModelOptions.DeviceChoice.CPU,
            LocalModelOptions.Precision.F32);

    @TempDir
    Path dir;

    /** Largest |a - b| over the largest |b|, over all positions. */
    static double relativeError(float[][] actual, double[][] expected) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[t][i] - expected[t][i]));
                maxRef = Math.max(maxRef, Math.abs(expected[t][i]));
            }
        }
        return maxDiff / maxRef;
    }

    static final int[] PROMPT = {300 + 3, 300 + 1, 72, 101, 108, 108, 111, 300 + 2, 300 + 5, 10, 65, 200, 17, 99, 250};

    @Test
    void f32WeightsMatchTheReference() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        double[][] expected = new ReferenceQwen2(folder).logits(PROMPT);
        try (LocalModel model = LocalModel.load(folder, CPU_F32);
                KvCache cache = model.network().newCache(PROMPT.length)) {
            float[][] actual = model.network().forward(PROMPT, cache, true, () -> false);
            assertEquals(PROMPT.length, actual.length);
            double error = relativeError(actual, expected);
            assertTrue(error < 1e-4, "relative error " + error);
        }
    }
}
