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
import org.dang.engine.advisor.AdvisedEngines;
import org.dang.engine.advisor.PendingAdvice;
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
        engine = AdvisedEngines.open(dir.resolve("decisions"), model);
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        String operator = tokens.add("op.lee", Role.OPERATOR);
        String viewer = tokens.add("vic.viewer", Role.VIEWER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests());

        PendingAdvice held = engine.decideWithAdvice(SituationReader.parse(AdvisedEngines.SEVERAL_TRIGGERS, "test")).pending()
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
