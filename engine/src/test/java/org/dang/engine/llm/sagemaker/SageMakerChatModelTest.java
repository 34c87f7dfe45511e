package org.dang.engine.llm.sagemaker;

import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.error;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.exceptionEvent;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.invocation;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.lmiLines;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.payloadPart;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.payloadParts;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.stream;
import static org.dang.engine.llm.sagemaker.ScriptedSageMakerServer.tgiEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.SageMakerBackendConfig;
import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.llm.prompt.DeepSeekR1Prompt;

/**
 * The SageMaker backend through the real AWS SDK (SigV4, event-stream decoding, error unmarshalling)
 * against a loopback runtime at {@code endpoint_url}. Credentials reach the SDK through its default
 * provider chain, from the aws.accessKeyId / aws.secretAccessKey system properties.
 */
class SageMakerChatModelTest {

    private static final List<String> R1_TOKENS = List.of("The", " draw", " is", " 412", " m³/h", ".", "</think>",
            "\n\n", "Feed", " is", " normal", " at", " 412", " m³/h", " — no", " action.");

    private ScriptedSageMakerServer server;
    private final List<AutoCloseable> closing = new ArrayList<>();

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

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedSageMakerServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        server.close();
    }

    private SageMakerChatModel model(String format, boolean streaming, Duration timeout) {
        LlmConfig base = LlmConfig.defaults();
        LlmConfig c = new LlmConfig(base.model(), Optional.of("dang-r1"), Optional.empty(), 0.6, 0.95, 4096,
                List.of("sagemaker"), 100, 100, OptionalLong.of(11), base.openai(),
                new SageMakerBackendConfig(Optional.of("us-east-1"), Optional.of(server.url()), format, streaming,
                        timeout, 3), base.local(), base.circuitBreaker());
        SageMakerChatModel m = SageMakerChatModel.fromConfig(c);
        closing.add(m);
        return m;
    }

    private static ChatRequest ask(int thinking, int answer) {
        return new ChatRequest(Optional.of("You advise the CDU operator."), List.of(ChatMessage.user("Is the feed ok?")),
                new Sampling(0.6, 0.95, OptionalLong.of(11)), TokenBudget.of(thinking, answer));
    }

    @Test
    void lmiStreamReassembledFromPayloadPartsCutAnywhere() {
        server.then(stream(payloadParts(lmiLines(R1_TOKENS, "eos_token", 40), 7), Duration.ZERO));
        List<String> answer = new ArrayList<>();
        ChatResult r = model("lmi", true, Duration.ofSeconds(10)).stream(ask(100, 100), new ChatListener() {
            @Override
            public void answer(String text) {
                answer.add(text);
            }
        }).await();

        assertEquals(FinishReason.STOP, r.finish(), r.error().orElse(""));
        assertEquals("The draw is 412 m³/h.", r.reasoning());
        assertEquals("Feed is normal at 412 m³/h — no action.", r.answer());
        assertEquals(r.answer(), String.join("", answer));
        assertTrue(r.usage().reported());
        assertEquals(R1_TOKENS.size(), r.usage().generatedTokens());
        assertEquals("sagemaker", r.answeredBy().orElseThrow().backend());

        ScriptedSageMakerServer.Received got = server.received().getFirst();
        assertEquals("/endpoints/dang-r1/invocations-response-stream", got.path());
        assertTrue(got.authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOOPBACKTEST/"),
                "signed with the default chain's credentials: " + got.authorization());
        JsonNode body = got.body();
        assertTrue(body.get("inputs").asText().startsWith(DeepSeekR1Prompt.BEGIN_OF_SENTENCE + DeepSeekR1Prompt.USER
                + "You advise the CDU operator.\n\nIs the feed ok?"));
        assertTrue(body.get("inputs").asText().endsWith(DeepSeekR1Prompt.ASSISTANT + "<think>\n"));
        assertEquals(200, body.path("parameters").path("max_new_tokens").asInt(), "the budget is always sent");
        assertTrue(body.path("parameters").path("do_sample").asBoolean());
        assertEquals(0.6, body.path("parameters").path("temperature").asDouble());
        assertEquals(11, body.path("parameters").path("seed").asInt());
        assertTrue(body.path("parameters").path("details").asBoolean());
        assertTrue(body.get("stream").asBoolean());
    }

    @Test
    void tgiServerSentEventsSkipTheSpecialEndToken() {
        server.then(stream(payloadParts(tgiEvents(R1_TOKENS, "eos_token", 40), 13), Duration.ZERO));
        ChatResult r = model("tgi", true, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.STOP, r.finish(), r.error().orElse(""));
        assertEquals("Feed is normal at 412 m³/h — no action.", r.answer());
        assertFalse(r.answer().contains("end"), "special tokens are not text");
        assertEquals(OptionalInt.of(40), r.usage().promptTokens());
    }

    @Test
    void messagesFormatStreamsChatCompletionChunks() {
        String lines = """
                {"id": "chatcmpl-0", "object": "chat.completion.chunk", "created": 1764000000, "choices": [{"index": 0, "delta": {"role": "assistant", "reasoning_content": "Check FI-101."}, "logprobs": null, "finish_reason": null}]}
                {"id": "chatcmpl-0", "object": "chat.completion.chunk", "created": 1764000000, "choices": [{"index": 0, "delta": {"content": "Feed is"}, "logprobs": null, "finish_reason": null}]}
                {"id": "chatcmpl-0", "object": "chat.completion.chunk", "created": 1764000000, "choices": [{"index": 0, "delta": {"content": " normal."}, "logprobs": null, "finish_reason": "length"}]}
                """;
        server.then(stream(payloadParts(lines, 50), Duration.ZERO));
        ChatResult r = model("messages", true, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.LENGTH, r.finish(), r.error().orElse(""));
        assertEquals("Check FI-101.", r.reasoning());
        assertEquals("Feed is normal.", r.answer());
        JsonNode body = server.received().getFirst().body();
        assertEquals("user", body.path("messages").path(0).path("role").asText());
        assertEquals(200, body.get("max_tokens").asInt());
    }

    @Test
    void invokeEndpointWithoutStreaming() {
        server.then(invocation("{\"generated_text\": \"Flow is steady.</think>\\n\\nNo action.\", \"details\": "
                + "{\"finish_reason\": \"eos_token\", \"generated_tokens\": 9, \"inputs\": \"...\"}}"));
        ChatResult r = model("lmi", false, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.STOP, r.finish(), r.error().orElse(""));
        assertEquals("Flow is steady.", r.reasoning());
        assertEquals("No action.", r.answer());
        assertEquals(9, r.usage().generatedTokens());
        assertEquals("/endpoints/dang-r1/invocations", server.received().getFirst().path());
        assertFalse(server.received().getFirst().body().get("stream").asBoolean());
    }

    @Test
    void throttlingAsHttp400AndServiceUnavailableAreRetried() {
        server.then(error(400, "ThrottlingException", "{\"message\": \"Rate exceeded\"}"))
                .then(error(503, "ServiceUnavailable", "{\"message\": \"Service is unavailable\"}"))
                .then(stream(payloadParts(lmiLines(R1_TOKENS, "eos_token", 40), 64), Duration.ZERO));
        ChatResult r = model("lmi", true, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.STOP, r.finish(), r.error().orElse(""));
        assertEquals(3, server.received().size());
    }

    @Test
    void modelNotReadyUntilTheAttemptsRunOut() {
        for (int i = 0; i < 3; i++) {
            server.then(error(429, "ModelNotReadyException", "{\"Message\": \"Model is still loading\"}"));
        }
        ChatResult r = model("lmi", false, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.ERROR, r.finish());
        assertTrue(r.error().orElseThrow().contains("not ready") && r.error().get().contains("after 3 attempts"),
                r.error().get());
        assertEquals(3, server.received().size());
    }

    @Test
    void modelErrorIsSurfacedWithItsLogStreamAndNotRetried() {
        server.then(error(424, "ModelError", """
                {"ErrorCode": "CLIENT_ERROR_FROM_MODEL",
                 "LogStreamArn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/dang-r1",
                 "Message": "Received client error (400) from primary with message \\"max_new_tokens too large\\".",
                 "OriginalMessage": "max_new_tokens too large", "OriginalStatusCode": 400}
                """));
        ChatResult r = model("lmi", true, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.ERROR, r.finish());
        String e = r.error().orElseThrow();
        assertTrue(e.contains("HTTP 400") && e.contains("max_new_tokens too large")
                && e.contains("/aws/sagemaker/Endpoints/dang-r1"), e);
        assertEquals(1, server.received().size(), "not retried");
    }

    @Test
    void validationErrorIsSurfaced() {
        server.then(error(400, "ValidationError",
                "{\"message\": \"Endpoint dang-r1 of account 123456789012 not found.\"}"));
        ChatResult r = model("lmi", true, Duration.ofSeconds(10)).chat(ask(100, 100));
        assertEquals(FinishReason.ERROR, r.finish());
        assertTrue(r.error().orElseThrow().contains("not found"), r.error().get());
        assertEquals(1, server.received().size());
    }

    @Test
    void midStreamFinishReasonErrorAndStreamErrorEvents() {
        String failing = lmiLines(List.of("The", " draw"), "eos_token", 5).lines().findFirst().orElseThrow() + "\n"
                + "{\"token\": {\"id\": -1, \"text\": \"\", \"log_prob\": -1, \"special_token\": true},"
                + " \"generated_text\": \"\", \"details\": {\"finish_reason\": \"error\", \"generated_tokens\": null,"
                + " \"inputs\": null}}\n";
        server.then(stream(payloadParts(failing, 16), Duration.ZERO));
        List<byte[]> frames = new ArrayList<>(payloadParts(lmiLines(List.of("a", "b"), "eos_token", 5)
                .lines().findFirst().orElseThrow() + "\n", 100));
        frames.add(exceptionEvent("ModelStreamError",
                "{\"Message\": \"CUDA error: an illegal memory access\", \"ErrorCode\": \"ModelStreamError\"}"));
        server.then(stream(frames, Duration.ZERO));
        SageMakerChatModel m = model("lmi", true, Duration.ofSeconds(10));
        ChatResult failed = m.chat(ask(100, 100));
        assertEquals(FinishReason.ERROR, failed.finish());
        assertTrue(failed.error().orElseThrow().contains("finish_reason error"), failed.error().get());
        assertEquals("The", failed.reasoning(), "what came before the error is kept");
        ChatResult broken = m.chat(ask(100, 100));
        assertEquals(FinishReason.ERROR, broken.finish());
        assertTrue(broken.error().orElseThrow().contains("illegal memory access"), broken.error().get());
        assertEquals(2, server.received().size(), "a stream that had started is not retried");
    }

    @Test
    void cancelMidStream() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            frames.add(payloadPart(("{\"token\": {\"id\": " + i + ", \"text\": \" t" + i + "\", \"log_prob\": -1}}\n")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        server.then(stream(frames, Duration.ofMillis(50)));
        CountDownLatch first = new CountDownLatch(1);
        ChatHandle h = model("lmi", true, Duration.ofSeconds(10)).stream(ask(1000, 100), new ChatListener() {
            @Override
            public void reasoning(String text) {
                first.countDown();
            }
        });
        assertTrue(first.await(10, TimeUnit.SECONDS));
        h.cancel();
        ChatResult r = h.result().get(3, TimeUnit.SECONDS);
        assertEquals(FinishReason.CANCELLED, r.finish());
        assertFalse(r.reasoning().contains("t49"));
    }

    @Test
    void stalledStreamTimesOut() {
        server.then(stream(List.of(payloadPart("{\"token\": {\"id\": 1, \"text\": \"Hm\", \"log_prob\": -1}}\n"
                .getBytes(StandardCharsets.UTF_8)), payloadPart(new byte[0])), Duration.ofSeconds(4)));
        ChatResult r = model("lmi", true, Duration.ofSeconds(1)).chat(ask(100, 100));
        assertEquals(FinishReason.ERROR, r.finish());
        assertTrue(r.error().orElseThrow().contains("no token"), r.error().get());
    }

    @Test
    void deadRuntimeIsAClearError() {
        String url = server.url();
        server.close();
        LlmConfig base = LlmConfig.defaults();
        LlmConfig c = new LlmConfig(base.model(), Optional.of("dang-r1"), Optional.empty(), 0.6, 0.95, 4096,
                List.of(), 100, 100, OptionalLong.empty(), base.openai(),
                new SageMakerBackendConfig(Optional.of("us-east-1"), Optional.of(url), "lmi", true,
                        Duration.ofSeconds(5), 1), base.local(), base.circuitBreaker());
        try (SageMakerChatModel m = SageMakerChatModel.fromConfig(c)) {
            ChatResult r = m.chat(ask(100, 100));
            assertEquals(FinishReason.ERROR, r.finish());
            assertTrue(r.error().orElseThrow().contains("cannot reach SageMaker"), r.error().get());
        }
    }
}
