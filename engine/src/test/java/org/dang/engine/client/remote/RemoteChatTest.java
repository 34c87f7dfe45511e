package org.dang.engine.client.remote;

import static org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ReplyStatus;
import org.dang.engine.assistant.ToolStep;
import org.dang.engine.client.ChatModelState;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;
import org.dang.engine.situation.Quality;
import org.dang.engine.store.ConversationTurn;

/**
 * The chat of a remote console against a real {@link ApiServer} over a real engine whose model is a
 * scripted OpenAI-compatible server speaking the R1 stream: reasoning, answer and a forecasting tool step
 * arrive as events and the reply matches; viewers are refused, an engine without a model says why; the
 * user's history reads back and clears.
 */
class RemoteChatTest {

    @TempDir
    Path dir;

    private ScriptedOpenAiServer model;
    private Engine engine;
    private ApiServer server;
    private String operator;
    private String viewer;
    private String previousHome;

    private void start(boolean withModel) throws Exception {
        previousHome = System.setProperty("dang.home", "..");
        model = new ScriptedOpenAiServer();
        DangConfig d = DangConfig.defaults();
        LlmConfig llm = withModel ? d.orchestrator().llm().withOpenai(new OpenAiBackendConfig(Optional.of(model.url()),
                Optional.of("deepseek-r1-distill-qwen-7b"), Optional.empty(), Duration.ofSeconds(10)))
                : d.orchestrator().llm();
        engine = EngineModules.installAvailable(Engine.open(new DangConfig(new OrchestratorConfig(llm), d.modules(),
                d.decisionEngine(), d.store()).withStore(dir.resolve("decisions"))));
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 24 * 20; i++) {
            Instant t = t0.plus(Duration.ofHours(i));
            double v = 20 + 2 * Math.sin(2 * Math.PI * i / 24) + 0.3 * Math.sin(i * 1.7);
            engine.plant().tags().append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, Quality.GOOD))));
        }
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        operator = tokens.add("op.lee", Role.OPERATOR);
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (model != null) {
            model.close();
        }
        if (previousHome == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", previousHome);
        }
    }

    private RemoteEngine connect(String token) {
        return RemoteEngine.connect(new RemoteSettings(server.uri(), token, Optional.empty(), Optional.empty()));
    }

    private static List<String> words(String text) {
        List<String> w = new ArrayList<>();
        Collections.addAll(w, text.split("(?<= )"));
        return w;
    }

    private static ScriptedOpenAiServer.Reply reply(String reasoning, String answer) {
        return sse(r1Reply(words(reasoning), words(answer), 400), Duration.ofMillis(5));
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
        model.then(reply("The operator wants a naphtha forecast. I ask the forecaster.",
                "{\"action\": \"INVOKE\", \"module\": \"forecasting\", \"parameters\": {\"tags\": [\"naphtha_yield\"],"
                        + " \"horizon\": 12, \"model_selection\": \"ridge\"}, \"confidence\": 0.9, \"rationale\":"
                        + " \"A forecast is needed.\"}"));
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
        model.then(sse(r1Reply(Collections.nCopies(400, "step "), List.of("never"), 400), Duration.ofMillis(40)));
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
