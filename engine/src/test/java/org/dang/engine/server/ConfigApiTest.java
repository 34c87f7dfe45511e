package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.store.AuditEvent;

/** GET and PATCH /config over real HTTP on loopback: reading, changing, every refusal, and the audit trail. */
class ConfigApiTest {

    @TempDir
    Path dir;

    private ConfiguredServer served;
    private Engine engine;
    private ApiServer server;
    private ApiClient api;
    private Path configFile;
    private String viewer;
    private String operator;
    private String engineer;

    @BeforeEach
    void start() throws Exception {
        served = ConfiguredServer.start(dir);
        engine = served.engine();
        server = served.server();
        configFile = served.configFile();
        viewer = served.viewer();
        operator = served.operator();
        engineer = served.engineer();
        api = new ApiClient(server.uri());
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private ApiClient.Answer patch(String token, String body) throws Exception {
        return api.send(api.request("/config", token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private AuditEvent lastAudit() {
        return engine.store().auditTrail(1).getFirst();
    }

    @Test
    void operatorsAndEngineersReadTheEffectiveConfigurationViewersDoNot() throws Exception {
        ApiClient.Answer a = api.get("/config", operator);
        assertEquals(200, a.status(), a.raw().body());
        assertEquals(configFile.toString(), a.json().path("file").asText());
        assertEquals("on_restart", a.json().path("applies").asText());
        assertEquals(engine.config().decisionEngine().rules().marketSigma(),
                a.json().path("config").path("decision_engine").path("rules").path("market_sigma").asDouble());
        assertEquals(8470, a.json().path("config").path("server").path("port").asInt());
        assertFalse(a.json().path("restart_pending").asBoolean());
        assertTrue(a.json().path("saved").isNull(), "no file yet");
        assertEquals(200, api.get("/config", engineer).status());
        ApiClient.Answer v = api.get("/config", viewer);
        assertEquals(403, v.status());
        assertEquals("forbidden", v.error());
    }

    @Test
    void anEngineerChangesLeavesTheFileIsWrittenAsTheConsoleDoesAndTheChangeIsAudited() throws Exception {
        ApiClient.Answer a = patch(engineer, "{\"changes\": {\"decision_engine.rules.market_sigma\": 2.5,"
                + " \"modules.forecasting.required_tags\": [\"naphtha_yield\", \"top_temp\"],"
                + " \"orchestrator.llm.temperature\": 0.2, \"advisor.deadline\": \"90s\"}}");
        assertEquals(200, a.status(), a.raw().body());
        assertTrue(a.json().path("saved").asBoolean());
        assertEquals("on_restart", a.json().path("applies").asText());
        assertEquals(2.5, a.json().path("changed").path("decision_engine.rules.market_sigma").path("to").asDouble());
        DangConfig saved = ConfigLoader.load(configFile);
        assertEquals(2.5, saved.decisionEngine().rules().marketSigma());
        assertEquals(0.2, saved.orchestrator().llm().temperature());
        assertEquals(java.time.Duration.ofSeconds(90), saved.advisor().deadline());
        assertEquals(List.of("naphtha_yield", "top_temp"),
                saved.modules().of(org.dang.engine.module.ModuleName.FORECASTING).requiredTags());
        assertTrue(Files.readString(configFile).startsWith("# DAN_G configuration, written by"));
        // The running engine is unchanged until restart, and says so.
        assertEquals(DangConfig.defaults().decisionEngine().rules().marketSigma(),
                engine.config().decisionEngine().rules().marketSigma());
        ApiClient.Answer after = api.get("/config", engineer);
        assertTrue(after.json().path("restart_pending").asBoolean());
        assertEquals(2.5, after.json().path("saved").path("decision_engine").path("rules").path("market_sigma")
                .asDouble(), "the file's configuration, used from the next start");
        AuditEvent e = lastAudit();
        assertEquals("eng.kim", e.actor());
        assertEquals("engineer", e.role());
        assertEquals("change_settings", e.action());
        assertEquals("OK", e.result());
        assertTrue(e.origin().startsWith("api 127.0.0.1:"), e.origin());
        assertTrue(e.target().contains(configFile.toString()), e.target());
        assertTrue(e.detail().contains("decision_engine.rules.market_sigma") && e.detail().contains("2.5")
                && e.detail().contains("next start"), e.detail());
        // A second change starts from the file, so the first one is kept.
        assertEquals(200, patch(engineer, "{\"changes\": {\"decision_engine.max_retries\": 5}}").status());
        DangConfig again = ConfigLoader.load(configFile);
        assertEquals(5, again.decisionEngine().maxRetries());
        assertEquals(2.5, again.decisionEngine().rules().marketSigma());
    }

    @Test
    void operatorsAndViewersMayNotChangeItAndAreAuditedAsDenied() throws Exception {
        for (String token : List.of(operator, viewer)) {
            ApiClient.Answer a = patch(token, "{\"changes\": {\"decision_engine.max_retries\": 5}}");
            assertEquals(403, a.status());
            assertEquals("forbidden", a.error());
            assertEquals("DENIED", lastAudit().result());
            assertEquals("change_settings", lastAudit().action());
        }
        assertFalse(Files.exists(configFile));
    }

    @Test
    void everyValidationErrorNamesTheFieldWritesNothingAndIsAuditedAsFailed() throws Exception {
        String[][] cases = {
                // body, status, error, field
                {"not json", "400", "malformed_json", null},
                {"[1, 2]", "400", "invalid_value", null},
                {"{\"changes\": {}}", "400", "invalid_value", "changes"},
                {"{\"changes\": {\"decision_engine.max_retries\": 5}, \"why\": \"x\"}", "400", "unknown_field", "why"},
                {"{\"changes\": {\"decision_engine.rules.market_sigmaa\": 2}}", "400", "unknown_field",
                        "changes.decision_engine.rules.market_sigmaa"},
                {"{\"changes\": {\"nonsense.x\": 2}}", "400", "unknown_field", "changes.nonsense.x"},
                {"{\"changes\": {\"server.port\": 9000}}", "400", "invalid_value", "changes.server.port"},
                {"{\"changes\": {\"store.path\": \"/tmp/x\"}}", "400", "invalid_value", "changes.store.path"},
                {"{\"changes\": {\"decision_engine.rules\": 2}}", "400", "invalid_value", "changes.decision_engine.rules"},
                {"{\"changes\": {\"decision_engine.max_retries\": {\"a\": 1}}}", "400", "invalid_value",
                        "changes.decision_engine.max_retries"},
                {"{\"changes\": {\"decision_engine.max_retries\": null}}", "400", "invalid_value",
                        "changes.decision_engine.max_retries"},
                {"{\"changes\": {\"orchestrator.llm.temperature\": 7}}", "400", "invalid_value",
                        "changes.orchestrator.llm.temperature"},
                {"{\"changes\": {\"decision_engine.confidence_threshold\": \"high\"}}", "400", "invalid_value",
                        "changes.decision_engine.confidence_threshold"},
        };
        for (String[] c : cases) {
            ApiClient.Answer a = patch(engineer, c[0]);
            assertEquals(Integer.parseInt(c[1]), a.status(), c[0] + " -> " + a.raw().body());
            assertEquals(c[2], a.error(), c[0] + " -> " + a.raw().body());
            if (c[3] == null) {
                assertNull(a.field(), c[0] + " -> " + a.raw().body());
            } else {
                assertEquals(c[3], a.field(), c[0] + " -> " + a.raw().body());
            }
            AuditEvent e = lastAudit();
            assertEquals("FAILED", e.result(), c[0]);
            assertEquals("eng.kim", e.actor());
            assertFalse(e.detail().isBlank());
        }
        assertFalse(Files.exists(configFile), "nothing written");
        assertEquals(405, api.post("/config", engineer, "{}").status());
        assertEquals("GET, PATCH", api.post("/config", engineer, "{}").raw().headers().firstValue("Allow").orElse(""));
    }

    @Test
    void withoutAConfigFileAChangeIsRefusedAsConflict() throws Exception {
        try (Engine bare = Engine.open(DangConfig.defaults().withStore(dir.resolve("bare")));
             ApiServer other = ApiServer.start(bare, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                     .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests())) {
            ApiClient c = new ApiClient(other.uri());
            ApiClient.Answer a = c.send(c.request("/config", engineer).method("PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"changes\": {\"decision_engine.max_retries\": 5}}")).build());
            assertEquals(409, a.status());
            assertEquals("no_config_file", a.error());
            assertEquals("FAILED", bare.store().auditTrail(1).getFirst().result());
        }
    }
}
