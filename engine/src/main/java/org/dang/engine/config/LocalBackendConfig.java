package org.dang.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code orchestrator.llm.local:} running the model in-process (DJL + PyTorch) from the folder in
 * {@code orchestrator.llm.hf_model_path}.
 *
 * @param device  auto (the GPU when PyTorch sees one, else the CPU), cpu or gpu
 * @param dtype   compute precision: auto (f16 on the GPU, f32 on the CPU), f32 or f16; bf16
 *                checkpoints are widened at load, since DJL 0.36 has no bf16 (docs/llm.md)
 * @param timeout longest wait for the first token (including loading) and between two tokens
 */
public record LocalBackendConfig(String device, String dtype, Duration timeout) {

    /** Allowed devices. */
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
    /** Allowed weight types. */
    public static final List<String> DTYPES = List.of("auto", "f32", "f16");

    /** Defaults: auto device and type, 300 s timeout. */
    public static LocalBackendConfig defaults() {
        return new LocalBackendConfig("auto", "auto", Duration.ofSeconds(300));
    }
}
