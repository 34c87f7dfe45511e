package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.AdvisorConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;

/** {@code POST /orchestrate} on an ambiguous situation with a model: the answer does not wait for it. */
class OrchestrateAdviceApiTest {

    /** Margin shift 7 % and efficiency 5 % under baseline: optimisation and analysis on two trigger kinds. */
    static final String SEVERAL_TRIGGERS = """
            {"id":"several","time":"2026-11-24T06:00:00Z","tags":[
             {"tag":"feed_rate","value":100.0,"range":{"low":0,"high":200}},
             {"tag":"coil_outlet_temp","value":360.0,"range":{"low":300,"high":420}},
             {"tag":"tube_metal_temp","value":600.0,"range":{"low":400,"high":800}},
             {"tag":"top_temp","value":120.0,"range":{"low":50,"high":200}},
             {"tag":"top_pressure","value":3.0,"range":{"low":1,"high":5}}],
             "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}],
             "market":{"price_move_sigma":0.1,"crack_spread_move_sigma":0.2,"inventory_surprise_sigma":0.1,
                       "margin_shift_pct":7.0}}""";

    @TempDir
    Path dir;

    private final CountDownLatch gate = new CountDownLatch(1);
    private ScriptedOpenAiServer model;
    private Engine engine;
    private ApiServer server;

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
        model = new ScriptedOpenAiServer().then(ex -> gate.await());
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(new DangConfig(new OrchestratorConfig(d.orchestrator().llm().withOpenai(
                new OpenAiBackendConfig(Optional.of(model.url()), Optional.empty(), Optional.empty(),
                        Duration.ofSeconds(60)))), d.modules(), d.decisionEngine(), d.store(), d.server(),
                new AdvisorConfig(true, Duration.ofMinutes(2), 4)).withStore(dir.resolve("decisions")));
        String operator = new TokenFile(dir.resolve("tokens")).add("op.lee", Role.OPERATOR);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests());
        ApiClient api = new ApiClient(server.uri());

        ApiClient.Answer a = api.post("/orchestrate", operator, SEVERAL_TRIGGERS);

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
    }
}
