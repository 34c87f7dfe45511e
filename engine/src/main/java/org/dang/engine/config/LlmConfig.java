package org.dang.engine.config;

import java.util.Optional;

/**
 * {@code orchestrator.llm:} section: which DeepSeek-R1 model and where it runs.
 *
 * @param model              model id, e.g. deepseek-r1-distill-qwen-7b
 * @param sagemakerEndpoint  SageMaker endpoint name, empty when not used
 * @param hfModelPath        local Hugging Face model folder, empty when not used
 * @param temperature        sampling temperature, 0 to 2 (DeepSeek recommends 0.6)
 * @param topP               nucleus sampling, (0, 1] (DeepSeek recommends 0.95)
 * @param maxTokens          answer plus reasoning budget, 1 to 131072
 */
public record LlmConfig(String model, Optional<String> sagemakerEndpoint, Optional<String> hfModelPath,
                        double temperature, double topP, int maxTokens) {

    /** Defaults: no backend configured, DeepSeek's recommended sampling. */
    public static LlmConfig defaults() {
        return new LlmConfig("deepseek-r1-distill-qwen-7b", Optional.empty(), Optional.empty(), 0.6, 0.95, 4096);
    }
}
