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

    /** The precision of weights and activations. */
    public enum Precision {
        /** bf16 on a GPU, f32 on the CPU (bf16 matrix products are slow on most CPUs). */
        AUTO,
        /** 32-bit floats. */
        F32,
        /** bfloat16, half the memory of f32. */
        BF16
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
