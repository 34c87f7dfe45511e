package org.dang.engine.llm.fallback;

import static org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.silentFor;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.sse;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelUnavailableException;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.llm.openai.OpenAiChatModel;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;

/** The fallback ladder over two real OpenAI-compatible backends on loopback servers. */
class FallbackChatModelTest {

    private ScriptedOpenAiServer primary;
    private ScriptedOpenAiServer secondary;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));
    private final InstantSource clock = now::get;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        primary = new ScriptedOpenAiServer();
        secondary = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        primary.close();
        secondary.close();
    }

    private Backend backend(ScriptedOpenAiServer server, String model, Duration timeout, int threshold) {
        return new Backend(new OpenAiChatModel(URI.create(server.url()), model, Optional.empty(), Duration.ofSeconds(5)),
                timeout, new CircuitBreaker(threshold, Duration.ofSeconds(30), clock));
    }

    private FallbackChatModel ladder(Backend... backends) {
        FallbackChatModel m = new FallbackChatModel(List.of(backends));
        closing.add(m);
        return m;
    }

    private static ChatRequest ask() {
        return ChatRequest.ask("Q", Sampling.deepSeekDefaults(), TokenBudget.of(100, 100));
    }

    private static ScriptedOpenAiServer.Reply good(String answer) {
        return sse(r1Reply(List.of("think"), List.of(answer), 3), Duration.ZERO);
    }

    @Test
    void firstWorkingBackendAnswers() {
        primary.then(status(500, "{\"error\":{\"message\":\"GPU lost\"}}"));
        secondary.then(good("from secondary"));
        ChatResult r = ladder(backend(primary, "a", Duration.ofSeconds(5), 3), backend(secondary, "b",
                Duration.ofSeconds(5), 3)).chat(ask());
        assertEquals(FinishReason.STOP, r.finish());
        assertEquals("from secondary", r.answer());
        assertEquals("b", r.answeredBy().orElseThrow().model());
    }

    @Test
    void slowBackendIsAbandonedAtItsTimeout() {
        primary.then(silentFor(Duration.ofSeconds(3), good("too late")));
        secondary.then(good("in time"));
        long t0 = System.nanoTime();
        ChatResult r = ladder(backend(primary, "a", Duration.ofMillis(300), 3), backend(secondary, "b",
                Duration.ofSeconds(5), 3)).chat(ask());
        assertEquals("in time", r.answer());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void noneAnsweringIsModelUnavailableWithEveryReason() {
        primary.then(status(503, "loading"));
        String deadUrl = secondary.url();
        secondary.close();
        FallbackChatModel m = ladder(backend(primary, "a", Duration.ofSeconds(5), 3),
                new Backend(new OpenAiChatModel(URI.create(deadUrl), "b", Optional.empty(), Duration.ofSeconds(2)),
                        Duration.ofSeconds(5), new CircuitBreaker(3, Duration.ofSeconds(30), clock)));
        List<ChatResult> completed = new ArrayList<>();
        ChatResult r = m.stream(ask(), new ChatListener() {
            @Override
            public void completed(ChatResult result) {
                completed.add(result);
            }
        }).await();
        assertEquals(FinishReason.UNAVAILABLE, r.finish());
        assertTrue(r.error().orElseThrow().contains("HTTP 503") && r.error().get().contains("cannot connect"),
                r.error().get());
        assertTrue(r.answeredBy().isEmpty());
        assertEquals(List.of(r), completed, "exactly one completion reaches the caller");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, r::requireAnswer);
        assertTrue(e.getMessage().startsWith("model unavailable: "));
    }

    @Test
    void openCircuitSkipsTheBackendUntilTheCoolDown() {
        Backend a = backend(primary, "a", Duration.ofSeconds(5), 2);
        FallbackChatModel m = ladder(a, backend(secondary, "b", Duration.ofSeconds(5), 2));
        primary.otherwise(status(500, "down"));
        secondary.otherwise(good("b answers"));
        m.chat(ask());
        m.chat(ask());
        assertEquals(CircuitBreaker.State.OPEN, a.breaker().state());
        int before = primary.received().size();
        ChatResult r = m.chat(ask());
        assertEquals("b answers", r.answer());
        assertEquals(before, primary.received().size(), "the open backend was not called");

        now.set(now.get().plusSeconds(30));
        primary.otherwise(good("a is back"));
        assertEquals("a is back", m.chat(ask()).answer(), "half-open trial succeeds and closes the circuit");
        assertEquals(CircuitBreaker.State.CLOSED, a.breaker().state());
    }

    @Test
    void allCircuitsOpenSaysWhenToRetry() {
        primary.otherwise(status(500, "down"));
        FallbackChatModel m = ladder(backend(primary, "a", Duration.ofSeconds(5), 1));
        m.chat(ask());
        ChatResult r = m.chat(ask());
        assertEquals(FinishReason.UNAVAILABLE, r.finish());
        assertTrue(r.error().orElseThrow().contains("skipped, 1 failures in a row; next try after 08:00:30 UTC"),
                r.error().get());
    }

    @Test
    void failureAfterTheFirstTokenDoesNotSwitchBackends() {
        primary.then(sse(List.of(ScriptedOpenAiServer.contentEvent("partial"),
                "data: {\"error\":{\"message\":\"worker died\"}}\n\n"), Duration.ZERO));
        secondary.then(good("should not be used"));
        ChatResult r = ladder(backend(primary, "a", Duration.ofSeconds(5), 3), backend(secondary, "b",
                Duration.ofSeconds(5), 3)).chat(ask());
        assertEquals(FinishReason.ERROR, r.finish());
        assertTrue(r.error().orElseThrow().contains("worker died"));
        assertEquals(0, secondary.received().size());
    }

    @Test
    void cancelReachesTheBackendInUse() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(" r" + i);
        }
        primary.then(sse(r1Reply(many, List.of("x"), 3), Duration.ofMillis(50)));
        CountDownLatch first = new CountDownLatch(1);
        ChatHandle h = ladder(backend(primary, "a", Duration.ofSeconds(5), 3), backend(secondary, "b",
                Duration.ofSeconds(5), 3)).stream(ask(), new ChatListener() {
                    @Override
                    public void reasoning(String text) {
                        first.countDown();
                    }
                });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        h.cancel();
        assertEquals(FinishReason.CANCELLED, h.result().get(3, TimeUnit.SECONDS).finish());
        assertEquals(0, secondary.received().size());
    }
}
