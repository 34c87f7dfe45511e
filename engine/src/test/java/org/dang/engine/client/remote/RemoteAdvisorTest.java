package org.dang.engine.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Role;
import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.config.AdvisorConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;
import org.dang.engine.situation.SituationReader;

/**
 * The advisor of a remote console against a real {@link ApiServer} over a real engine whose model (a
 * scripted OpenAI-compatible server) holds its answers back: the pending question reads back as the
 * engine holds it, a viewer's question is refused, an operator's before live data gets the engine's reason.
 */
class RemoteAdvisorTest {

    /** Margin shift 7 % and efficiency 5 % under baseline: ambiguous, so the rules ask the model. */
    static final String AMBIGUOUS = """
            {"id":"ambiguous","time":"2026-11-24T06:00:00Z","tags":[
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
    void pendingQuestionsReadBackAndAskingIsRefusedClearly() throws Exception {
        model = new ScriptedOpenAiServer().then(ex -> gate.await());
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(new DangConfig(new OrchestratorConfig(d.orchestrator().llm().withOpenai(
                new OpenAiBackendConfig(Optional.of(model.url()), Optional.empty(), Optional.empty(),
                        Duration.ofSeconds(60)))), d.modules(), d.decisionEngine(), d.store(), d.server(),
                new AdvisorConfig(true, Duration.ofMinutes(2), 4)).withStore(dir.resolve("decisions")));
        engine.llm(); // built before the first decision, as a running server's or console's model is
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        String operator = tokens.add("op.lee", Role.OPERATOR);
        String viewer = tokens.add("vic.viewer", Role.VIEWER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests());

        PendingAdvice held = engine.decideWithAdvice(SituationReader.parse(AMBIGUOUS, "test")).pending()
                .orElseThrow();
        assertEquals(1, gate.getCount(), "the model answered while held back");

        try (RemoteEngine asViewer = RemoteEngine.connect(new RemoteSettings(server.uri(), viewer, Optional.empty(),
                Optional.empty()));
             RemoteEngine asOperator = RemoteEngine.connect(new RemoteSettings(server.uri(), operator,
                     Optional.empty(), Optional.empty()))) {
            List<PendingAdvice> read = asViewer.advisor().pending();
            assertEquals(1, read.size());
            assertEquals(comparable(engine.pendingAdvice().getFirst()), comparable(read.getFirst()));
            assertEquals(held.id(), read.getFirst().id());
            assertEquals(Optional.empty(), asViewer.advisor().unavailable());

            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> asViewer.advisor().ask("Push feed?"));
            assertTrue(denied.getMessage().contains("viewer"), denied.getMessage());

            IllegalStateException noData = assertThrows(IllegalStateException.class,
                    () -> asOperator.advisor().ask("Push feed?"));
            assertTrue(noData.getMessage().contains("no live plant data"), noData.getMessage());
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> asOperator.advisor().ask("   "));
            assertTrue(empty.getMessage().contains("question"), empty.getMessage());
            assertEquals(1, engine.pendingAdvice().size(), "a refused question was held");
        }
    }

    /** A pending question with its held decisions reduced to what the API carries. */
    private static PendingAdvice comparable(PendingAdvice p) {
        List<Decision> held = p.held().stream().map(d -> new Decision(d.id(), d.time(), d.situationId(), List.of(),
                d.action(), d.module(), d.priority(), java.util.Map.of(), d.rationale(), "", 0, d.source(),
                Duration.ZERO)).toList();
        assertFalse(held.isEmpty(), "nothing held");
        return new PendingAdvice(p.id(), p.situationId(), p.askedBecause(), p.operatorText(), p.askedBy(), p.askedAt(),
                p.deadline(), held, p.reasoning(), "");
    }
}
