package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.advisor.AdvisedEngines;
import org.dang.engine.advisor.AdvisedEngines.SteadyFeed;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.json.Json;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;

/**
 * The advisor over HTTP: {@code POST /orchestrate} on an ambiguous situation answers without waiting
 * for the model; {@code GET /advisor/pending} lists the question; {@code POST /advisor/ask} is the
 * operator's question, refused for viewers, bad bodies and before live data, all audited.
 */
class OrchestrateAdviceApiTest {

    @TempDir
    Path dir;

    private final CountDownLatch gate = new CountDownLatch(1);
    private ScriptedOpenAiServer model;
    private Engine engine;
    private ApiServer server;

    private String operator;
    private String viewer;

    /**
     * Serves an engine whose advisor asks {@code scripted} (built before the first decision, as a running
     * server's model is), with an operator's and a viewer's token.
     */
    private ApiClient serve(ScriptedOpenAiServer scripted) throws Exception {
        model = scripted;
        engine = AdvisedEngines.open(dir.resolve("decisions"), model);
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        operator = tokens.add("op.lee", Role.OPERATOR);
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests());
        return new ApiClient(server.uri());
    }

    @AfterEach
    void stop() {
        gate.countDown();
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void ambiguousSituationsAnswerAtOnceWithThePendingQuestion() throws Exception {
        ApiClient api = serve(new ScriptedOpenAiServer().then(ex -> gate.await()).then(ex -> gate.await()));

        ApiClient.Answer a = api.post("/orchestrate", operator, AdvisedEngines.SEVERAL_TRIGGERS);

        assertEquals(1, gate.getCount(), "answered while the model was still held back");
        assertEquals(200, a.status(), a.raw().body());
        assertEquals(0, a.json().path("decisions").size());
        var pending = a.json().path("pending_advice");
        UUID id = UUID.fromString(pending.path("id").asText());
        assertEquals(List.of(id), engine.pendingAdvice().stream().map(p -> p.id()).toList());
        assertTrue(pending.path("asked_because").get(0).asText().startsWith("SEVERAL_TRIGGERS"));
        assertEquals(Instant.parse(pending.path("asked_at").asText()).plus(Duration.ofMinutes(2)),
                Instant.parse(pending.path("deadline").asText()));
        List<String> held = new ArrayList<>();
        pending.path("held").forEach(h -> held.add(h.path("action").asText() + " " + h.path("module").asText()));
        assertEquals(List.of("INVOKE optimization", "INVOKE analysis"), held);

        ApiClient.Answer list = api.get("/advisor/pending", viewer);
        assertEquals(200, list.status(), list.raw().body());
        assertEquals(id.toString(), list.json().path("pending").get(0).path("id").asText());
        assertEquals("rules", list.json().path("pending").get(0).path("asked_by").asText());

        ApiClient.Answer denied = api.post("/advisor/ask", viewer, "{\"question\":\"Push feed?\"}");
        assertEquals(403, denied.status(), denied.raw().body());
        ApiClient.Answer noData = api.post("/advisor/ask", operator, "{\"question\":\"Push feed?\"}");
        assertEquals(409, noData.status(), noData.raw().body());
        assertEquals("advisor_unavailable", noData.json().path("error").asText());
        assertTrue(noData.raw().body().contains("no live plant data"), noData.raw().body());
        ApiClient.Answer empty = api.post("/advisor/ask", operator, "{\"question\":\"  \"}");
        assertEquals(400, empty.status(), empty.raw().body());
        ApiClient.Answer unknown = api.post("/advisor/ask", operator, "{\"quest\":\"Push feed?\"}");
        assertEquals(400, unknown.status(), unknown.raw().body());

        engine.attach(new SteadyFeed());
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (engine.plant().scanCount() < 2) {
            assertTrue(System.nanoTime() < until, "no live data in 30 s");
            Thread.sleep(10);
        }
        ApiClient.Answer asked = api.post("/advisor/ask", operator, "{\"question\":\"Is the column stable enough to push feed?\"}");
        assertEquals(202, asked.status(), asked.raw().body());
        assertEquals("op.lee", asked.json().path("pending_advice").path("asked_by").asText());
        assertEquals("Is the column stable enough to push feed?",
                asked.json().path("pending_advice").path("operator_text").asText());
        assertEquals(2, engine.pendingAdvice().size());
        List<String> audits = engine.store().auditTrail(20).stream().filter(e -> e.action().equals("ask_advisor"))
                .map(e -> e.actor() + " " + e.result()).toList();
        assertEquals(List.of("op.lee OK", "op.lee FAILED", "op.lee FAILED", "op.lee FAILED", "vic.viewer DENIED"),
                audits);

        // The held-back replies now end without an answer: the rules decide, and the advice says why.
        gate.countDown();
        while (!engine.pendingAdvice().isEmpty()) {
            assertTrue(System.nanoTime() < until + java.util.concurrent.TimeUnit.SECONDS.toNanos(30),
                    "questions still pending");
            Thread.sleep(10);
        }
        ApiClient.Answer overruled = api.get("/decisions?source=LLM_OVERRULED&limit=10", viewer);
        assertEquals(200, overruled.status(), overruled.raw().body());
        String decisionId = overruled.json().path("items").get(0).path("id").asText();
        ApiClient.Answer advice = api.get("/decisions/" + decisionId + "/advice", viewer);
        assertEquals(200, advice.status(), advice.raw().body());
        assertEquals("MODEL_UNAVAILABLE", advice.json().path("overrule_reason").asText());
        assertTrue(advice.json().path("decision_ids").toString().contains(decisionId), advice.raw().body());
        try (var remote = org.dang.engine.client.remote.RemoteEngine.connect(
                new org.dang.engine.client.remote.RemoteSettings(server.uri(), viewer, Optional.empty(),
                        Optional.empty()))) {
            var read = remote.decisions().adviceFor(UUID.fromString(decisionId)).orElseThrow();
            assertEquals(engine.store().adviceFor(UUID.fromString(decisionId)).orElseThrow(), read);
        }

        assertEquals(404, api.get("/decisions/" + UUID.randomUUID() + "/advice", viewer).status());
        assertEquals(400, api.get("/decisions/not-a-uuid/advice", viewer).status());
    }
    @Test
    void eventsTellWhenAQuestionIsHeldAndHowItEnded() throws Exception {
        ApiClient api = serve(new ScriptedOpenAiServer().then(ex -> gate.await()));
        HttpResponse<InputStream> stream = api.http().send(api.request("/events", viewer)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertTrue(lines.readLine().startsWith(": connected as vic.viewer"));
            ApiClient.Answer a = api.post("/orchestrate", operator, AdvisedEngines.SEVERAL_TRIGGERS);
            assertEquals(0, a.json().path("decisions").size(), "nothing recorded yet, so no decision event either");
            String id = a.json().path("pending_advice").path("id").asText();

            JsonNode asked = nextAdvice(lines);
            assertEquals("ASKED", asked.path("event").asText());
            assertEquals(id, asked.path("id").asText());
            assertEquals(2, asked.path("held").size());

            gate.countDown(); // the model's connection ends without an answer: the rules decide
            JsonNode ended = nextAdvice(lines);
            assertEquals("OVERRULED", ended.path("event").asText());
            assertEquals(id, ended.path("id").asText());
            assertEquals("MODEL_UNAVAILABLE", ended.path("overrule_reason").asText());
        }
    }

    /** The data of the next {@code advice} event on {@code lines}. */
    private static JsonNode nextAdvice(BufferedReader lines) throws Exception {
        String event = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && "advice".equals(event)) {
                return Json.mapper().readTree(line.substring(6));
            }
        }
        throw new AssertionError("the event stream ended before an advice event");
    }
}
