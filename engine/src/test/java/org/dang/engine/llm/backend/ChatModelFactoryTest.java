package org.dang.engine.llm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ModelInfo;

/** Backends built per kind from the configuration. */
class ChatModelFactoryTest {

    private static LlmConfig openai(String url) {
        return LlmConfig.defaults().withOpenai(new OpenAiBackendConfig(Optional.of(url), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(7)));
    }

    @Test
    void nothingConfiguredMeansNoModelAndAPlainExplanation() {
        LlmSetup s = ChatModelFactory.standard().create(LlmConfig.defaults());
        assertTrue(s.model().isEmpty());
        assertTrue(s.notConfigured());
        assertTrue(s.explain().contains("No language model is configured") && s.explain().contains("docs/llm.md"),
                s.explain());
    }

    @Test
    void openaiFromConfigUsesTheConfiguredModelName() {
        LlmSetup s = ChatModelFactory.standard().create(openai("http://127.0.0.1:9"));
        try (ChatModel m = s.model().orElseThrow()) {
            assertEquals(new ModelInfo("openai", "deepseek-r1-distill-qwen-7b", "http://127.0.0.1:9"), m.info());
        }
        assertEquals(List.of(), s.problems());
    }

    @Test
    void localRefusesAFolderWithoutItsFilesByName() {
        LlmConfig c = new LlmConfig("m", Optional.empty(), Optional.of("/models/r1"), 0.6, 0.95, 100);
        LlmSetup s = ChatModelFactory.standard().create(c);
        assertTrue(s.model().isEmpty());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().getFirst().startsWith("local: orchestrator.llm.hf_model_path: /models/r1 is not a folder"),
                s.problems().getFirst());
        assertTrue(s.explain().contains("not available"));
    }

    @Test
    void aBrokenBackendLeavesTheOthers() {
        LlmConfig c = new LlmConfig("m", Optional.empty(), Optional.of("/models/r1"), 0.6, 0.95, 100)
                .withOpenai(openai("http://127.0.0.1:9").openai());
        LlmSetup s = ChatModelFactory.standard().create(c);
        try (ChatModel m = s.model().orElseThrow()) {
            assertEquals("openai", m.info().backend(), "local failed, openai remains");
        }
        assertEquals(1, s.problems().size());
    }

    @Test
    void aNewKindIsOneRegistration() {
        LlmConfig c = new LlmConfig("m", Optional.empty(), Optional.of("/models/r1"), 0.6, 0.95, 100);
        ChatModel local = new ChatModel() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("local", "m", "/models/r1");
            }

            @Override
            public org.dang.engine.llm.ChatHandle stream(ChatRequest request, org.dang.engine.llm.ChatListener l) {
                throw new UnsupportedOperationException("not called here");
            }
        };
        LlmSetup s = ChatModelFactory.standard().with("local", config -> local).create(c);
        assertEquals("local", s.model().orElseThrow().info().backend());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void missingApiKeyVariableIsNamed() {
        LlmConfig c = LlmConfig.defaults().withOpenai(new OpenAiBackendConfig(Optional.of("http://127.0.0.1:9"),
                Optional.empty(), Optional.of("DANG_TEST_SURELY_UNSET_KEY"), Duration.ofSeconds(7)));
        LlmSetup s = ChatModelFactory.standard().create(c);
        assertTrue(s.problems().getFirst().contains("DANG_TEST_SURELY_UNSET_KEY")
                && s.problems().getFirst().contains("not set"), s.problems().getFirst());
    }

    @Test
    void requestTakesSamplingAndBudgetsFromConfig() {
        LlmConfig c = LlmConfig.defaults().withBudgets(500, 200);
        ChatRequest r = ChatModelFactory.request(c, Optional.empty(), List.of(ChatMessage.user("hi")));
        assertEquals(0.6, r.sampling().temperature());
        assertEquals(0.95, r.sampling().topP());
        assertEquals(500, r.budget().thinkingTokens());
        assertEquals(200, r.budget().answerTokens());
        assertEquals(700, r.budget().maxTokens());
    }
}
