package org.dang.engine.llm.local;

import ai.djl.ndarray.types.DataType;

/** Element types of safetensors weights this backend reads, with their safetensors names. */
public enum TensorDtype {
    /** bfloat16, what Hugging Face checkpoints of the distills ship. */
    BF16("BF16", 2, DataType.BFLOAT16),
    /** IEEE half precision. */
    F16("F16", 2, DataType.FLOAT16),
    /** IEEE single precision. */
    F32("F32", 4, DataType.FLOAT32);

    private final String safetensorsName;
    private final int bytes;
    private final DataType djl;

    TensorDtype(String safetensorsName, int bytes, DataType djl) {
        this.safetensorsName = safetensorsName;
        this.bytes = bytes;
        this.djl = djl;
    }

    /** The name in a safetensors header ("BF16", "F16", "F32"). */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /**
     * The DJL data type of the same layout. Never hand {@link DataType#BFLOAT16} to DJL 0.36's
     * PyTorch engine: its JNI layer has no such type and aborts the process.
     */
    public DataType djl() {
        return djl;
    }

    /** The type named {@code name} in a safetensors header, or null when this backend does not read it. */
    public static TensorDtype fromSafetensors(String name) {
        for (TensorDtype t : values()) {
            if (t.safetensorsName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
