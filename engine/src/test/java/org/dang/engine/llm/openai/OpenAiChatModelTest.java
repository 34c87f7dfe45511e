package org.dang.engine.llm.openai;

import static org.dang.engine.llm.openai.ScriptedOpenAiServer.DONE;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.contentEvent;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.cut;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.finishEvent;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.reasoningEvent;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.sse;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.status;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.usageEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;

/** The OpenAI-compatible backend against a loopback server speaking the real SSE format. */
class OpenAiChatModelTest {

    private ScriptedOpenAiServer server;
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** Collects what a listener hears. */
    static final class Heard implements ChatListener {
        final List<String> reasoning = Collections.synchronizedList(new ArrayList<>());
        final List<String> answer = Collections.synchronizedList(new ArrayList<>());
        final List<ChatResult> completed = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstToken = new CountDownLatch(1);

        @Override
        public void reasoning(String text) {
            reasoning.add(text);
            firstToken.countDown();
        }

        @Override
        public void answer(String text) {
            answer.add(text);
            firstToken.countDown();
        }

        @Override
        public void completed(ChatResult result) {
            completed.add(result);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        server.close();
    }

    private OpenAiChatModel model(Optional<String> token, Duration timeout) {
        OpenAiChatModel m = new OpenAiChatModel(URI.create(server.url()), "deepseek-r1-distill-qwen-7b", token, timeout);
        closing.add(m);
        return m;
    }

    private static ChatRequest ask(String q, int thinking, int answer) {
        return new ChatRequest(Optional.of("You advise the CDU board operator."), List.of(ChatMessage.user("Earlier?"),
                ChatMessage.assistant("Earlier answer.", "earlier private reasoning"), ChatMessage.user(q)),
                new Sampling(0.6, 0.95, OptionalLong.of(7)), TokenBudget.of(thinking, answer));
    }

    @Test
    void streamsReasoningThenAnswerFromInlineCloseTagSplitMidLine() {
        server.then(sse(cut(r1Reply(List.of("Top", " temperature", " is", " high."), List.of("Raise", " reflux."), 31),
                7), Duration.ofMillis(1)));
        Heard heard = new Heard();
        ChatResult r = model(Optional.empty(), Duration.ofSeconds(5)).stream(ask("Why?", 100, 100), heard).await();

        assertEquals(FinishReason.STOP, r.finish(), r.error().orElse(""));
        assertEquals("Top temperature is high.", r.reasoning());
        assertEquals("Raise reflux.", r.answer());
        assertEquals("Top temperature is high.", String.join("", heard.reasoning));
        assertEquals("Raise reflux.", String.join("", heard.answer));
        assertEquals(List.of(r), heard.completed);
        assertTrue(r.usage().reported());
        assertEquals(OptionalInt.of(31), r.usage().promptTokens());
        assertEquals(8, r.usage().generatedTokens());
        assertTrue(r.timings().timeToFirstToken().isPresent());
        assertEquals("openai", r.answeredBy().orElseThrow().backend());

        ScriptedOpenAiServer.Received got = server.received().getFirst();
        assertEquals("/v1/chat/completions", got.path());
        assertNull(got.header("Authorization"), "no token configured, none sent");
        JsonNode body = got.body();
        assertTrue(body.get("stream").asBoolean());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean());
        assertEquals(200, body.get("max_tokens").asInt());
        assertEquals(0.6, body.get("temperature").asDouble());
        assertEquals(0.95, body.get("top_p").asDouble());
        assertEquals(7, body.get("seed").asLong());
        assertEquals("deepseek-r1-distill-qwen-7b", body.get("model").asText());
        JsonNode messages = body.get("messages");
        assertEquals(3, messages.size());
        assertEquals("user", messages.get(0).get("role").asText(), "no system turn");
        assertTrue(messages.get(0).get("content").asText().startsWith("You advise the CDU board operator.\n\nEarlier?"));
        assertEquals("Earlier answer.", messages.get(1).get("content").asText());
        assertFalse(body.toString().contains("earlier private reasoning"), "old reasoning is not sent back");
    }

    @Test
    void reasoningInReasoningContentOrReasoningFields() {
        for (String field : List.of("reasoning_content", "reasoning")) {
            server.then(sse(List.of(reasoningEvent(field, "Check"), reasoningEvent(field, " PC-101."),
                    contentEvent("\n\n"), contentEvent("Vent"), contentEvent(" opened."), finishEvent("stop"), DONE),
                    Duration.ZERO));
            Heard heard = new Heard();
            ChatResult r = model(Optional.empty(), Duration.ofSeconds(5)).stream(ask("Q", 100, 100), heard).await();
            assertEquals(FinishReason.STOP, r.finish(), field);
            assertEquals("Check PC-101.", r.reasoning(), field);
            assertEquals("Vent opened.", r.answer(), field);
            assertFalse(r.usage().reported(), "no usage chunk: counted from the stream");
            assertEquals(2, r.usage().reasoningTokens());
            assertEquals(3, r.usage().answerTokens());
        }
    }

    @Test
    void bearerTokenIsSent() {
        server.then(sse(r1Reply(List.of("a"), List.of("b"), 3), Duration.ZERO));
        model(Optional.of("s3cret"), Duration.ofSeconds(5)).chat(ask("Q", 10, 10));
        assertEquals("Bearer s3cret", server.received().getFirst().header("Authorization"));
    }

    @Test
    void errorStatusesNameTheStatusAndTheServersMessage() {
        server.then(status(401, "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"auth\"}}"))
                .then(status(404, "{\"detail\":\"Not Found\"}"))
                .then(status(503, "model is loading"));
        OpenAiChatModel m = model(Optional.empty(), Duration.ofSeconds(5));
        ChatResult r401 = m.chat(ask("Q", 10, 10));
        assertEquals(FinishReason.ERROR, r401.finish());
        assertTrue(r401.error().orElseThrow().contains("HTTP 401") && r401.error().get().contains("Invalid API key"),
                r401.error().get());
        assertTrue(m.chat(ask("Q", 10, 10)).error().orElseThrow().contains("HTTP 404"));
        ChatResult r503 = m.chat(ask("Q", 10, 10));
        assertTrue(r503.error().orElseThrow().contains("HTTP 503") && r503.error().get().contains("model is loading"));
    }

    @Test
    void deadServerIsAClearError() throws Exception {
        String url = server.url();
        server.close();
        try (OpenAiChatModel m = new OpenAiChatModel(URI.create(url), "m", Optional.empty(), Duration.ofSeconds(2))) {
            ChatResult r = m.chat(ask("Q", 10, 10));
            assertEquals(FinishReason.ERROR, r.finish());
            assertTrue(r.error().orElseThrow().contains("cannot connect to " + url), r.error().get());
            assertTrue(r.answeredBy().isPresent(), "the backend that failed is named");
        }
    }

    @Test
    void silentServerTimesOut() {
        server.then(ScriptedOpenAiServer.silentFor(Duration.ofSeconds(3), sse(List.of(DONE), Duration.ZERO)));
        long t0 = System.nanoTime();
        ChatResult r = model(Optional.empty(), Duration.ofMillis(400)).chat(ask("Q", 10, 10));
        assertEquals(FinishReason.ERROR, r.finish());
        assertTrue(r.error().orElseThrow().contains("timeout"), r.error().get());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "gave up at the timeout, not the server's pace");
    }

    @Test
    void streamThatStallsMidReplyTimesOut() {
        server.then(sse(List.of(contentEvent("Thinking"), contentEvent(" more")), Duration.ofSeconds(2)));
        Heard heard = new Heard();
        ChatResult r = model(Optional.empty(), Duration.ofMillis(500)).stream(ask("Q", 10, 10), heard).await();
        assertEquals(FinishReason.ERROR, r.finish());
        assertTrue(r.error().orElseThrow().contains("no token from"), r.error().get());
        assertEquals(List.of("Thinking"), heard.reasoning, "what arrived was passed on");
    }

    @Test
    void cancelStopsTheStreamAndClosesTheConnection() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tokens.add(" t" + i);
        }
        server.then(sse(r1Reply(tokens, List.of("never"), 5), Duration.ofMillis(50)));
        Heard heard = new Heard();
        ChatHandle h = model(Optional.empty(), Duration.ofSeconds(5)).stream(ask("Q", 1000, 100), heard);
        assertTrue(heard.firstToken.await(5, TimeUnit.SECONDS));
        h.cancel();
        ChatResult r = h.result().get(2, TimeUnit.SECONDS);
        assertEquals(FinishReason.CANCELLED, r.finish());
        assertTrue(r.reasoning().length() < String.join("", tokens).length(), "stopped early");
        assertTrue(r.answer().isEmpty());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.brokenWrites() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(1, server.brokenWrites(), "the server saw the client go away");
        h.cancel(); // idempotent
        assertEquals(List.of(r), heard.completed);
    }

    @Test
    void thinkingBudgetStopsALongReasoning() {
        server.then(sse(r1Reply(List.of("a", "b", "c", "d", "e", "f"), List.of("x"), 5), Duration.ZERO));
        ChatResult r = model(Optional.empty(), Duration.ofSeconds(5)).chat(ask("Q", 3, 10));
        assertEquals(FinishReason.THINKING_BUDGET, r.finish());
        assertEquals("abc", r.reasoning());
        assertEquals(3, r.usage().reasoningTokens());
        assertEquals("", r.answer());
    }

    @Test
    void answerBudgetEndsWithLength() {
        server.then(sse(r1Reply(List.of("a"), List.of("one", " two", " three", " four"), 5), Duration.ZERO));
        // The "\n\n" token after </think> is the answer's first token, as in R1's own output.
        ChatResult r = model(Optional.empty(), Duration.ofSeconds(5)).chat(ask("Q", 10, 3));
        assertEquals(FinishReason.LENGTH, r.finish());
        assertEquals("one two", r.answer());
    }

    @Test
    void serverLengthWhileStillThinkingIsTheThinkingBudget() {
        server.then(sse(List.of(contentEvent("hmm"), contentEvent(" hmm"), finishEvent("length"), DONE), Duration.ZERO));
        ChatResult r = model(Optional.empty(), Duration.ofSeconds(5)).chat(ask("Q", 10, 10));
        assertEquals(FinishReason.THINKING_BUDGET, r.finish());
    }

    @Test
    void modelThatNeverThinksGetsItsTextAsTheAnswer() {
        server.then(sse(List.of(contentEvent("Plain"), contentEvent(" answer."), finishEvent("stop"), usageEvent(4, 2),
                DONE), Duration.ZERO));
        Heard heard = new Heard();
        ChatResult r = model(Optional.empty(), Duration.ofSeconds(5)).stream(ask("Q", 10, 10), heard).await();
        assertEquals(FinishReason.STOP, r.finish());
        assertEquals("Plain answer.", r.answer());
        assertEquals("", r.reasoning());
        assertEquals(2, r.usage().answerTokens());
    }

    @Test
    void midStreamErrorAndGarbageAndTruncationAreErrors() {
        server.then(sse(List.of(contentEvent("a"), "data: {\"error\":{\"message\":\"CUDA out of memory\"}}\n\n"),
                Duration.ZERO));
        server.then(sse(List.of(contentEvent("a"), "data: {not json\n\n"), Duration.ZERO));
        server.then(sse(List.of(contentEvent("a"), contentEvent("b")), Duration.ZERO));
        server.then(sse(List.of(contentEvent("a"), finishEvent("error"), DONE), Duration.ZERO));
        OpenAiChatModel m = model(Optional.empty(), Duration.ofSeconds(5));
        ChatResult oom = m.chat(ask("Q", 10, 10));
        assertEquals(FinishReason.ERROR, oom.finish());
        assertTrue(oom.error().orElseThrow().contains("CUDA out of memory"));
        assertTrue(m.chat(ask("Q", 10, 10)).error().orElseThrow().contains("unreadable chunk"));
        assertTrue(m.chat(ask("Q", 10, 10)).error().orElseThrow().contains("ended without a finish_reason"));
        assertTrue(m.chat(ask("Q", 10, 10)).error().orElseThrow().contains("finish_reason error"));
    }

    @Test
    void baseUrlWithV1IsNotDoubled() {
        server.then(sse(r1Reply(List.of("a"), List.of("b"), 3), Duration.ZERO));
        try (OpenAiChatModel m = new OpenAiChatModel(URI.create(server.url() + "/v1/"), "m", Optional.empty(),
                Duration.ofSeconds(5))) {
            assertEquals(FinishReason.STOP, m.chat(ask("Q", 10, 10)).finish());
        }
        assertEquals("/v1/chat/completions", server.received().getFirst().path());
    }
}
