package org.dang.engine.llm.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.backend.ChatModelFactory;
import org.dang.engine.llm.backend.LlmSetup;

/** A config file naming openai then sagemaker: the dead server is passed over and SageMaker answers. */
class LadderFromConfigTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDLOOPBACKTEST");
        System.setProperty("aws.secretAccessKey", "loopback-secret");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void deadOpenAiServerFallsBackToSageMaker() throws Exception {
        String deadUrl;
        try (ScriptedSageMakerServer gone = new ScriptedSageMakerServer()) {
            deadUrl = gone.url();
        }
        try (ScriptedSageMakerServer sagemaker = new ScriptedSageMakerServer()) {
            sagemaker.then(ScriptedSageMakerServer.stream(ScriptedSageMakerServer.payloadParts(
                    ScriptedSageMakerServer.lmiLines(List.of("Check", "</think>", "\n\n", "Fine."), "eos_token", 9), 10),
                    Duration.ZERO));
            Path file = Files.writeString(dir.resolve("config.yaml"), """
                    orchestrator:
                      llm:
                        backends: [openai, sagemaker]
                        sagemaker_endpoint: dang-r1
                        openai:
                          url: %s
                          timeout: 5
                        sagemaker:
                          region: us-east-1
                          endpoint_url: %s
                    """.formatted(deadUrl, sagemaker.url()));
            LlmConfig config = ConfigLoader.load(file).orchestrator().llm();
            LlmSetup setup = ChatModelFactory.standard().create(config);
            try (ChatModel ladder = setup.model().orElseThrow()) {
                assertEquals("fallback", ladder.info().backend());
                ChatResult r = ladder.chat(ChatModelFactory.request(config, java.util.Optional.empty(),
                        List.of(org.dang.engine.llm.ChatMessage.user("Feed ok?"))));
                assertEquals(FinishReason.STOP, r.finish(), r.error().orElse(""));
                assertEquals("Fine.", r.answer());
                assertEquals("sagemaker", r.answeredBy().orElseThrow().backend());
                assertTrue(sagemaker.received().getFirst().body().path("parameters").path("max_new_tokens").asInt()
                        == config.maxTokens(), "the configured cap is sent");
            }
        }
    }
}
