package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The LLM backend keys of {@code orchestrator.llm}: values, order, cross-checks and round trip. */
class LlmConfigTest {

    private static LlmConfig parse(String llmBody) {
        return ConfigLoader.parse("orchestrator:\n  llm:\n" + llmBody, "llm.yaml").orchestrator().llm();
    }

    private static ConfigProblem onlyProblem(String llmBody) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("orchestrator:\n  llm:\n" + llmBody, "llm.yaml"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().getFirst();
    }

    @Test
    void everyBackendKeyIsRead() {
        LlmConfig c = parse("""
                    sagemaker_endpoint: r1-prod
                    hf_model_path: /models/r1
                    backends: [openai, sagemaker]
                    thinking_budget: 512
                    answer_budget: 256
                    seed: 42
                    openai:
                      url: http://127.0.0.1:8000
                      model: deepseek-r1:7b
                      api_key_env: DANG_LLM_KEY
                      timeout: 30s
                    sagemaker:
                      region: eu-west-1
                      endpoint_url: https://runtime.sagemaker.eu-west-1.amazonaws.com
                      format: messages
                      streaming: false
                      timeout: 45
                      max_attempts: 5
                    local:
                      device: cpu
                      dtype: f16
                      timeout: 10m
                    circuit_breaker:
                      failures: 2
                      cool_down: 5m
                """);
        assertEquals(List.of("openai", "sagemaker"), c.order());
        assertEquals(512, c.thinkingBudget());
        assertEquals(256, c.answerBudget());
        assertEquals(OptionalLong.of(42), c.seed());
        assertEquals(new OpenAiBackendConfig(Optional.of("http://127.0.0.1:8000"), Optional.of("deepseek-r1:7b"),
                Optional.of("DANG_LLM_KEY"), Duration.ofSeconds(30)), c.openai());
        assertEquals(new SageMakerBackendConfig(Optional.of("eu-west-1"),
                Optional.of("https://runtime.sagemaker.eu-west-1.amazonaws.com"), "messages", false,
                Duration.ofSeconds(45), 5), c.sagemaker());
        assertEquals(new LocalBackendConfig("cpu", "f16", Duration.ofMinutes(10)), c.local());
        assertEquals(new CircuitBreakerConfig(2, Duration.ofMinutes(5)), c.circuitBreaker());
        assertEquals(Duration.ofSeconds(30), c.timeout("openai"));
    }

    @Test
    void emptyOrderTriesEveryConfiguredBackendLocalFirst() {
        assertEquals(List.of(), LlmConfig.defaults().order());
        assertEquals(List.of("local", "sagemaker", "openai"), parse("""
                    openai: {url: "http://h:1"}
                    sagemaker_endpoint: e
                    hf_model_path: /m
                """).order());
        assertEquals(List.of("openai"), parse("    openai: {url: \"http://h:1\"}\n").order());
    }

    @Test
    void oldSixKeyFilesStayValid() {
        LlmConfig c = parse("""
                    model: deepseek-r1-distill-qwen-1.5b
                    sagemaker_endpoint: ""
                    hf_model_path: ""
                    temperature: 0.6
                    top_p: 0.95
                    max_tokens: 4096
                """);
        assertEquals(new LlmConfig("deepseek-r1-distill-qwen-1.5b", Optional.empty(), Optional.empty(), 0.6, 0.95,
                4096), c);
    }

    @Test
    void listedBackendWithoutItsLocationIsAnErrorAtTheListsLine() {
        ConfigProblem p = onlyProblem("    model: m\n    backends: [openai]\n");
        assertEquals("orchestrator.llm.backends", p.key());
        assertEquals(4, p.line());
        assertTrue(p.message().contains("orchestrator.llm.openai.url is empty"), p.message());
    }

    @Test
    void badValuesNameTheKeyAndLine() {
        ConfigProblem kind = onlyProblem("    backends: [openai, cloud]\n    openai: {url: \"http://h:1\"}\n");
        assertEquals("orchestrator.llm.backends", kind.key());
        assertTrue(kind.message().contains("\"cloud\" is not allowed; list items from local, sagemaker, openai"),
                kind.message());
        ConfigProblem twice = onlyProblem("    backends: [openai, openai]\n    openai: {url: \"http://h:1\"}\n");
        assertTrue(twice.message().contains("listed twice"), twice.message());
        ConfigProblem format = onlyProblem("    sagemaker:\n      format: jumpstart\n");
        assertEquals("orchestrator.llm.sagemaker.format", format.key());
        assertEquals(4, format.line());
        assertTrue(format.message().contains("use one of lmi, messages, tgi"), format.message());
        ConfigProblem device = onlyProblem("    local:\n      device: tpu\n");
        assertEquals("orchestrator.llm.local.device", device.key());
        ConfigProblem url = onlyProblem("    openai:\n      url: localhost:8000\n");
        assertEquals("orchestrator.llm.openai.url", url.key());
        assertTrue(url.message().contains("not an http:// or https:// URL"), url.message());
        ConfigProblem key = onlyProblem("    openai:\n      api_key_env: sk-abc123\n");
        assertTrue(key.message().contains("not the key itself"), key.message());
        ConfigProblem seed = onlyProblem("    seed: -1\n");
        assertEquals("orchestrator.llm.seed", seed.key());
        ConfigProblem budget = onlyProblem("    thinking_budget: 0\n");
        assertTrue(budget.message().contains("allowed 1 to 131072"), budget.message());
        ConfigProblem failures = onlyProblem("    circuit_breaker: {failures: 0}\n");
        assertEquals("orchestrator.llm.circuit_breaker.failures", failures.key());
        ConfigProblem unknown = onlyProblem("    openai: {uri: x}\n");
        assertTrue(unknown.message().contains("did you mean \"url\""), unknown.message());
    }

    @Test
    void writerRoundTripsEveryLlmKey() {
        LlmConfig llm = new LlmConfig("r1", Optional.of("ep"), Optional.of("/m"), 0.5, 0.9, 2048,
                List.of("sagemaker", "openai"), 100, 200, OptionalLong.of(7),
                new OpenAiBackendConfig(Optional.of("https://llm.site:8443/base"), Optional.of("x"), Optional.of("K"),
                        Duration.ofSeconds(9)),
                new SageMakerBackendConfig(Optional.of("us-west-2"), Optional.empty(), "tgi", false,
                        Duration.ofSeconds(11), 4),
                new LocalBackendConfig("gpu", "f32", Duration.ofSeconds(99)),
                new CircuitBreakerConfig(5, Duration.ofSeconds(15)));
        DangConfig d = DangConfig.defaults();
        DangConfig c = new DangConfig(new OrchestratorConfig(llm), d.modules(), d.decisionEngine(), d.store());
        assertEquals(llm, ConfigLoader.parse(ConfigWriter.yaml(c), "written").orchestrator().llm());
    }
}
