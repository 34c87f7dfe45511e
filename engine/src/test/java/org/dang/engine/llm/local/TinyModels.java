package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the tiny random Qwen2 folders the tests load. */
final class TinyModels {

    static final long SEED = 20261124L;

    private TinyModels() {
    }

    /** The tiny shape with {@code dtype} weights in {@code shards} files under {@code dir}. */
    static Path write(Path dir, TensorDtype dtype, int shards) throws IOException {
        Path folder = dir.resolve("tiny-" + dtype + "-" + shards);
        RandomModelWriter.write(folder, ModelShape.tiny(), dtype, shards, SEED);
        return folder;
    }
}
