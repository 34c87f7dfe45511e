package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.json.Json;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.EquipmentCondition;
import org.dang.engine.plant.sim.SimulatorSource;
import org.dang.engine.store.AuditEvent;

/** Setpoint approval over real HTTP: proposals kept by id in the engine, approved or rejected once, audited. */
class ProposalsApiTest {

    @TempDir
    static Path dir;

    static Engine engine;
    static SimulatorSource unit;
    static ApiServer server;
    static ApiClient api;
    static String viewer;
    static String operator;
    static String engineer;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        // Fouled equipment, as in OptimizationModuleTest, so the policy has something to move.
        unit = new SimulatorSource(new CduSimulator(CduConfig.defaults(11).withEquipment(
                new EquipmentCondition(0.2, 0.1, 0.1))), Duration.ofHours(1));
        EngineModules.installOptimization(engine, unit);
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        engineer = tokens.add("eng.kim", Role.ENGINEER);
        ServerConfig sc = ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000);
        server = ApiServer.start(engine, sc, ModuleRequests.standard());
        api = new ApiClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
        unit.close();
    }

    static JsonNode propose(String body) throws Exception {
        ApiClient.Answer a = api.post("/invoke/optimization?wait=30", operator, body);
        assertEquals(200, a.status(), a.raw().body());
        return a.json().path("result");
    }

    static List<AuditEvent> audits(String target) {
        return engine.store().auditTrail(1000).stream().filter(e -> e.target().equals(target)).toList();
    }

    static String moving(JsonNode proposal) {
        List<String> rows = new ArrayList<>();
        proposal.path("moves").forEach(m -> {
            if (m.path("current").asDouble() != m.path("proposed").asDouble()) {
                rows.add("\"" + m.path("setpoint").asText() + "\"");
            }
        });
        assertFalse(rows.isEmpty(), "the policy proposed no move: " + proposal);
        return "{\"selected\": [" + String.join(", ", rows) + "]}";
    }

    @Test
    void anOperatorApprovesSelectedRowsOnceAndItIsAudited() throws Exception {
        JsonNode p = propose("{}");
        String id = p.path("id").asText();
        ApiClient.Answer list = api.get("/optimization/proposals", viewer);
        assertEquals(200, list.status(), list.raw().body());
        assertEquals(id, list.json().path("proposals").get(0).path("id").asText(), "newest first");
        String base = "/optimization/proposals/" + id;

        ApiClient.Answer denied = api.post(base + "/approve", viewer, moving(p));
        assertEquals(403, denied.status());
        ApiClient.Answer none = api.post(base + "/approve", operator, "{\"selected\": []}");
        assertEquals(400, none.status());
        assertEquals("selected", none.field());
        ApiClient.Answer notARow = api.post(base + "/approve", operator, "{\"selected\": [\"reflux\"]}");
        assertEquals(400, notARow.status());
        assertEquals("selected", notARow.field());
        assertTrue(notARow.json().path("detail").asText().contains("'reflux' is not a setpoint"), notARow.raw().body());
        ApiClient.Answer typo = api.post(base + "/approve", operator, "{\"selectd\": [\"reflux\"]}");
        assertEquals("unknown_field", typo.error());
        assertEquals("selectd", typo.field());

        ApiClient.Answer ok = api.post(base + "/approve", operator, moving(p));
        assertEquals(200, ok.status(), ok.raw().body());
        assertTrue(ok.json().path("detail").asText().startsWith("applied "), ok.raw().body());
        ApiClient.Answer again = api.post(base + "/approve", engineer, moving(p));
        assertEquals(409, again.status());
        assertEquals("proposal_closed", again.error());
        assertTrue(again.json().path("detail").asText().contains("approved by op.lee"), again.raw().body());
        assertTrue(api.get("/optimization/proposals", viewer).json().path("proposals").findValuesAsText("id")
                .stream().noneMatch(id::equals), "an approved proposal is no longer open");

        List<String> trail = audits("optimisation proposal " + id).stream()
                .map(e -> e.actor() + " " + e.action() + " " + e.result()).toList().reversed(); // oldest first
        assertEquals(List.of("vic.viewer approve_setpoint DENIED", "op.lee approve_setpoint FAILED",
                "op.lee approve_setpoint FAILED", "op.lee approve_setpoint FAILED", "op.lee approve_setpoint OK",
                "eng.kim approve_setpoint FAILED"), trail);
        AuditEvent approved = audits("optimisation proposal " + id).stream().filter(e -> e.result().equals("OK"))
                .findFirst().orElseThrow();
        assertTrue(approved.origin().startsWith("api 127.0.0.1:"), approved.origin());
        assertTrue(approved.detail().startsWith("applied "), approved.detail());
    }

    @Test
    void aRejectionNeedsAReasonAndClosesTheProposal() throws Exception {
        String id = propose("{\"constraints\": \"tightened\"}").path("id").asText();
        String base = "/optimization/proposals/" + id;
        ApiClient.Answer blank = api.post(base + "/reject", operator, "{\"reason\": \" \"}");
        assertEquals(400, blank.status());
        assertEquals("reason", blank.field());
        ApiClient.Answer ok = api.post(base + "/reject", engineer, "{\"reason\": \"feed change due within the hour\"}");
        assertEquals(200, ok.status(), ok.raw().body());
        assertTrue(ok.json().path("detail").asText().endsWith("feed change due within the hour"), ok.raw().body());
        assertEquals("proposal_closed", api.post(base + "/approve", operator, "{\"selected\": [\"feed_rate\"]}").error());
        AuditEvent rejected = audits("optimisation proposal " + id).stream().filter(e -> e.result().equals("OK"))
                .findFirst().orElseThrow();
        assertEquals("reject_setpoint", rejected.action());
        assertEquals("eng.kim", rejected.actor());
        assertTrue(rejected.origin().startsWith("api 127.0.0.1:"), rejected.origin());
    }

    @Test
    void anUnknownProposalIs404AndTheAttemptAudited() throws Exception {
        ApiClient.Answer a = api.post("/optimization/proposals/opt-0-99/approve", operator,
                "{\"selected\": [\"feed_rate\"]}");
        assertEquals(404, a.status(), a.raw().body());
        assertEquals("unknown_proposal", a.error());
        assertEquals("id", a.field());
        assertEquals("FAILED", audits("optimisation proposal opt-0-99").getFirst().result());
        assertEquals(404, api.post("/optimization/proposals/opt-0-99/reject", operator, "{\"reason\": \"x\"}").status());
        assertEquals(400, api.post("/optimization/proposals/opt-0-99/reject", operator, "{\"reason\": 3, \"x\": 1}")
                .status());
        assertEquals("[]", Json.write(engine.proposals().orElseThrow().find("opt-0-99").stream().toList()));
    }
}
