package org.dang.engine.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ChatPlant;
import org.dang.engine.assistant.ServedChat;
import org.dang.engine.assistant.ReplyStatus;
import org.dang.engine.assistant.ToolStep;
import org.dang.engine.client.ChatModelState;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.server.ApiServer;
import org.dang.engine.store.ConversationTurn;

/**
 * The chat of a remote console against a real {@link ApiServer} over a real engine whose model is a
 * scripted OpenAI-compatible server speaking the R1 stream: reasoning, answer and a forecasting tool step
 * arrive as events and the reply matches; viewers are refused, an engine without a model says why; the
 * user's history reads back and clears; a cancel reaches the engine; a silent engine ends the question.
 */
class RemoteChatTest {

    @TempDir
    Path dir;

    private ServedChat served;
    private ScriptedOpenAiServer model;
    private Engine engine;
    private ApiServer server;
    private String operator;
    private String viewer;

    private void start(boolean withModel) throws Exception {
        served = ServedChat.start(dir, withModel);
        model = served.model();
        engine = served.engine();
        server = served.server();
        operator = served.operator();
        viewer = served.viewer();
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    private RemoteEngine connect(String token) {
        return RemoteEngine.connect(new RemoteSettings(server.uri(), token, Optional.empty(), Optional.empty()));
    }

    private static ScriptedOpenAiServer.Reply reply(String reasoning, String answer) {
        return ChatPlant.reply(reasoning, answer, Duration.ofMillis(5));
    }

    /** Everything a listener heard, in order. */
    static final class Heard implements AssistantListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder reasoning = new StringBuilder();
        final StringBuilder answer = new StringBuilder();
        final List<ToolStep> steps = Collections.synchronizedList(new ArrayList<>());
        volatile AssistantReply reply;
        int completions;

        @Override
        public synchronized void thinking(String text) {
            events.add("thinking");
            reasoning.append(text);
        }

        @Override
        public synchronized void answer(String text) {
            events.add("answer");
            answer.append(text);
        }

        @Override
        public void step(ToolStep step) {
            events.add("step " + step.state());
            steps.add(step);
        }

        @Override
        public synchronized void completed(AssistantReply r) {
            events.add("completed");
            completions++;
            reply = r;
        }
    }

    private int status(String method, String path, String token, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20));
            b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    @Test
    void aRemoteQuestionStreamsReasoningAToolStepAndTheAnswerAndTheHistoryReadsBackAndClears() throws Exception {
        start(true);
        model.then(ChatPlant.forecastRequest());
        String answer = "Naphtha yield should stay between 18 and 22 % over the next 12 hours.";
        model.then(reply("The ridge forecast is back.", answer));
        try (RemoteEngine remote = connect(operator)) {
            ChatModelState state = remote.chat().model().get(10, TimeUnit.SECONDS);
            assertTrue(state.available(), state.toString());
            assertTrue(state.model().orElseThrow().startsWith("openai"), state.toString());

            Heard heard = new Heard();
            AssistantReply reply = remote.chat().ask("Forecast the naphtha yield for the next 12 hours", heard)
                    .result().get(60, TimeUnit.SECONDS);
            assertEquals(ReplyStatus.ANSWERED, reply.status(), reply.message());
            assertEquals(answer, reply.answer());
            assertEquals(answer, heard.answer.toString(), "the answer streamed piece by piece");
            assertTrue(heard.reasoning.toString().contains("The ridge forecast is back."), heard.reasoning.toString());
            assertTrue(heard.events.indexOf("thinking") < heard.events.indexOf("answer"), heard.events.toString());
            assertTrue(heard.events.contains("step RUNNING") && heard.events.contains("step COMPLETED"),
                    heard.events.toString());
            assertTrue(heard.steps.getLast().summary().startsWith("naphtha_yield: 12 steps"),
                    heard.steps.getLast().summary());
            assertEquals(1, heard.completions);
            assertEquals("completed", heard.events.getLast());
            assertEquals(1, reply.steps().size());

            List<ConversationTurn> turns = remote.chat().history(50);
            assertEquals(List.of("OPERATOR", "TOOL", "ASSISTANT"), turns.stream().map(ConversationTurn::role).toList());
            assertEquals(answer, turns.getLast().text());
            assertEquals("op.lee", turns.getFirst().operator());
            try (RemoteEngine other = connect(viewer)) {
                assertTrue(other.chat().history(50).isEmpty(), "another user sees none of it");
                assertEquals(403, status("DELETE", "/chat/history", viewer, null));
            }
            assertEquals(3, remote.chat().clear());
            assertTrue(remote.chat().history(50).isEmpty());
            assertTrue(engine.store().auditTrail(100).stream().anyMatch(e -> e.action().equals("ask_assistant")
                    && e.detail().startsWith("cleared the conversation (3 turns)")));
        }
        assertEquals(400, status("GET", "/chat/history?limit=0", operator, null));
        assertEquals(400, status("POST", "/chat/ask", operator, "{\"question\": \"x\", \"extra\": 1}"));
        assertEquals(400, status("POST", "/chat/ask", operator, "{\"question\": \"  \"}"));
    }

    @Test
    void cancellingClosesTheStreamAndTheEngineCancelsTheQuestion() throws Exception {
        start(true);
        model.then(ChatPlant.reply("step ".repeat(400), "never", Duration.ofMillis(40)));
        try (RemoteEngine remote = connect(operator)) {
            Heard heard = new Heard();
            var handle = remote.chat().ask("Summarise the last shift.", heard);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (heard.reasoning.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertFalse(heard.reasoning.isEmpty(), "reasoning streamed before the cancel");
            handle.cancel();
            AssistantReply reply = handle.result().get(5, TimeUnit.SECONDS);
            assertEquals(ReplyStatus.CANCELLED, reply.status());
            assertEquals("Cancelled.", reply.message());
            assertEquals(1, heard.completions);
            // The engine hears it at its next write and ends the question as cancelled (audited).
            while (System.nanoTime() < until && engine.store().auditTrail(20).stream().noneMatch(e ->
                    e.action().equals("ask_assistant") && e.detail().contains("| CANCELLED |"))) {
                Thread.sleep(50);
            }
            assertTrue(engine.store().auditTrail(20).stream().anyMatch(e -> e.action().equals("ask_assistant")
                    && e.actor().equals("op.lee") && e.detail().contains("| CANCELLED |")),
                    engine.store().auditTrail(20).toString());
        }
    }

    @Test
    void anEngineThatFallsSilentMidAnswerEndsTheQuestionWithAClearError() throws Exception {
        // A host that vanished sends nothing, not even a reset: stand-in for it, the first bytes of a real answer.
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/chat/ask", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write((": connected as op.lee\nretry: 2000\n\nid: 1\nevent: reasoning\ndata: {\"text\":\"Looking\"}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        silent.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        silent.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + silent.getAddress().getPort() + "/");
            RemoteChat chat = new RemoteChat(new EngineHttp(new RemoteSettings(uri, "token", Optional.empty(),
                    Optional.empty())), Duration.ofSeconds(1));
            Heard heard = new Heard();
            AssistantReply reply = chat.ask("Why?", heard).result().get(10, TimeUnit.SECONDS);
            assertEquals(ReplyStatus.FAILED, reply.status());
            assertTrue(reply.message().startsWith("No word from the engine at http://127.0.0.1:"
                    + silent.getAddress().getPort()) && reply.message().contains(" for 1 s, not even a keep-alive"),
                    reply.message());
            assertEquals("Looking", heard.reasoning.toString());
            assertEquals(List.of("thinking", "completed"), heard.events);
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void aViewerIsRefusedAndAnEngineWithoutAModelSaysWhy() throws Exception {
        start(false);
        assertEquals(403, status("POST", "/chat/ask", viewer, "{\"question\": \"Why?\"}"));
        assertEquals(409, status("POST", "/chat/ask", operator, "{\"question\": \"Why?\"}"));
        try (RemoteEngine remote = connect(operator); RemoteEngine asViewer = connect(viewer)) {
            ChatModelState state = remote.chat().model().get(10, TimeUnit.SECONDS);
            assertFalse(state.available());
            assertTrue(state.explain().startsWith("No language model is configured"), state.explain());

            Heard heard = new Heard();
            AssistantReply reply = remote.chat().ask("Why?", heard).result().get(20, TimeUnit.SECONDS);
            assertEquals(ReplyStatus.MODEL_UNAVAILABLE, reply.status());
            assertTrue(reply.message().startsWith("No language model is configured"), reply.message());
            assertEquals(List.of("completed"), heard.events);

            AssistantReply denied = asViewer.chat().ask("Why?", new Heard()).result().get(20, TimeUnit.SECONDS);
            assertEquals(ReplyStatus.DENIED, denied.status());
            assertTrue(denied.message().contains("viewer"), denied.message());
        }
        assertTrue(engine.store().auditTrail(100).stream().anyMatch(e -> e.action().equals("ask_assistant")
                && e.result().equals("DENIED")));
        assertEquals(0, model.received().size());
    }
}
