package org.dang.engine.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code orchestrator.llm:} which DeepSeek-R1 model, where it runs, and how much it may spend.
 *
 * @param model              model id, e.g. deepseek-r1-distill-qwen-7b
 * @param sagemakerEndpoint  SageMaker endpoint name, empty when not used
 * @param hfModelPath        local Hugging Face model folder, empty when not used
 * @param temperature        sampling temperature, 0 to 2 (DeepSeek recommends 0.6)
 * @param topP               nucleus sampling, (0, 1] (DeepSeek recommends 0.95)
 * @param maxTokens          answer plus reasoning cap, 1 to 131072
 * @param backends           backends to try, in order (local, sagemaker, openai); empty: every configured one
 *                           in the order local, sagemaker, openai
 * @param thinkingBudget     reasoning tokens allowed before the answer
 * @param answerBudget       answer tokens allowed
 * @param seed               sampling seed where the backend supports one; empty for none
 * @param openai             the OpenAI-compatible server
 * @param sagemaker          how to call the SageMaker endpoint
 * @param local              the in-process model
 * @param circuitBreaker     when a failing backend is skipped
 */
public record LlmConfig(String model, Optional<String> sagemakerEndpoint, Optional<String> hfModelPath,
                        double temperature, double topP, int maxTokens, List<String> backends, int thinkingBudget,
                        int answerBudget, OptionalLong seed, OpenAiBackendConfig openai,
                        SageMakerBackendConfig sagemaker, LocalBackendConfig local,
                        CircuitBreakerConfig circuitBreaker) {

    /** Backend kinds, in the order they are tried when {@code backends} is empty. */
    public static final List<String> BACKEND_KINDS = List.of("local", "sagemaker", "openai");

    public LlmConfig {
        backends = List.copyOf(backends);
    }

    /** The original six keys; every newer key takes its default. */
    public LlmConfig(String model, Optional<String> sagemakerEndpoint, Optional<String> hfModelPath,
                     double temperature, double topP, int maxTokens) {
        this(model, sagemakerEndpoint, hfModelPath, temperature, topP, maxTokens, List.of(), 3072, 1024,
                OptionalLong.empty(), OpenAiBackendConfig.defaults(), SageMakerBackendConfig.defaults(),
                LocalBackendConfig.defaults(), CircuitBreakerConfig.defaults());
    }

    /** Defaults: no backend configured, DeepSeek's recommended sampling. */
    public static LlmConfig defaults() {
        return new LlmConfig("deepseek-r1-distill-qwen-7b", Optional.empty(), Optional.empty(), 0.6, 0.95, 4096);
    }

    /** Whether the backend of {@code kind} has what it needs to be tried (a URL, an endpoint, a folder). */
    public boolean configured(String kind) {
        return switch (kind) {
            case "local" -> hfModelPath.isPresent();
            case "sagemaker" -> sagemakerEndpoint.isPresent();
            case "openai" -> openai.url().isPresent();
            default -> false;
        };
    }

    /** The backends to try, in order: {@code backends} when given, otherwise every configured one. */
    public List<String> order() {
        if (!backends.isEmpty()) {
            return backends;
        }
        List<String> auto = new ArrayList<>();
        for (String kind : BACKEND_KINDS) {
            if (configured(kind)) {
                auto.add(kind);
            }
        }
        return auto;
    }

    /** The timeout of the backend of {@code kind}. */
    public Duration timeout(String kind) {
        return switch (kind) {
            case "local" -> local.timeout();
            case "sagemaker" -> sagemaker.timeout();
            case "openai" -> openai.timeout();
            default -> throw new IllegalArgumentException("unknown backend kind " + kind);
        };
    }

    /** The same settings with another backend order. */
    public LlmConfig withBackends(List<String> order) {
        return new LlmConfig(model, sagemakerEndpoint, hfModelPath, temperature, topP, maxTokens, order, thinkingBudget,
                answerBudget, seed, openai, sagemaker, local, circuitBreaker);
    }

    /** The same settings with another OpenAI-compatible server. */
    public LlmConfig withOpenai(OpenAiBackendConfig server) {
        return new LlmConfig(model, sagemakerEndpoint, hfModelPath, temperature, topP, maxTokens, backends,
                thinkingBudget, answerBudget, seed, server, sagemaker, local, circuitBreaker);
    }

    /** The same settings with other budgets. */
    public LlmConfig withBudgets(int thinking, int answer) {
        return new LlmConfig(model, sagemakerEndpoint, hfModelPath, temperature, topP, maxTokens, backends, thinking,
                answer, seed, openai, sagemaker, local, circuitBreaker);
    }
}
