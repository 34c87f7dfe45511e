package org.dang.engine.llm.local;

import java.util.Objects;

/** Where the local model runs and in which precision its weights are held. */
public record LocalModelOptions(DeviceChoice device, Precision precision) {

    /** The compute device. */
    public enum DeviceChoice {
        /** The first GPU when the PyTorch engine sees one, else the CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** The first GPU; loading fails when the engine sees none. */
        GPU
    }

    /**
     * The precision of weights, matrix products and the KV cache. Norms, softmax and the residual
     * stream always run in f32. There is no bf16: the JNI layer of DJL 0.36's PyTorch engine has no
     * bfloat16 type (asking for one aborts the JVM), so bf16 checkpoints are converted at load.
     */
    public enum Precision {
        /** f16 on a GPU, f32 on the CPU. */
        AUTO,
        /** 32-bit floats. */
        F32,
        /** IEEE half precision: half the memory of f32; meant for GPUs (slow on most CPUs). */
        F16
    }

    /** Rejects nulls. */
    public LocalModelOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
    }

    /** AUTO device and precision. */
    public static LocalModelOptions auto() {
        return new LocalModelOptions(DeviceChoice.AUTO, Precision.AUTO);
    }
}
