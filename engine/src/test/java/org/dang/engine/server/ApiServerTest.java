package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.AuditEvent;

/** The API over real HTTP on loopback: every endpoint, every kind of bad request, roles, audit, SSE, load. */
class ApiServerTest {

    @TempDir
    static Path dir;

    static Engine engine;
    static ApiServer server;
    static ApiClient api;
    static TestModules.Analysis analysis;
    static String viewer;
    static String operator;
    static String engineer;
    static final Path SITUATIONS = Path.of("../sample-plant-data/situations");

    @BeforeAll
    static void start() throws Exception {
        DangConfig config = DangConfig.defaults().withStore(dir.resolve("decisions"));
        engine = Engine.open(config);
        analysis = new TestModules.Analysis();
        engine.install(new TestModules.Forecasting(), TestModules.HorizonRequest::fromParameters);
        engine.install(analysis, TestModules.HoldRequest::fromParameters);
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        engineer = tokens.add("eng.kim", Role.ENGINEER);
        ServerConfig sc = ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000);
        sc = new ServerConfig(sc.bind(), sc.port(), sc.tls(), sc.tokenFile(), 64 * 1024, sc.rateLimit(), sc.rateBurst(),
                Duration.ofSeconds(20));
        ModuleRequests requests = new ModuleRequests()
                .register(ModuleName.FORECASTING, List.of(new ModuleRequests.Field("horizon", ModuleRequests.Kind.INTEGER),
                        new ModuleRequests.Field("tags", ModuleRequests.Kind.STRING_LIST)))
                .register(ModuleName.ANALYSIS, List.of(new ModuleRequests.Field("id", ModuleRequests.Kind.STRING),
                        new ModuleRequests.Field("fail", ModuleRequests.Kind.BOOLEAN)));
        server = ApiServer.start(engine, sc, requests);
        api = new ApiClient(server.uri());
    }

    @AfterAll
    static void stop() {
        analysis.release.countDown();
        server.close();
        engine.close();
    }

    static String situation(String file) throws Exception {
        return Files.readString(SITUATIONS.resolve(file));
    }

    static List<AuditEvent> audits() {
        return engine.store().auditTrail(1000);
    }

    // ---- OpenAPI

    @Test
    void openApiServedEqualsTheCommittedDocumentAndCoversEveryRoute() throws Exception {
        ApiClient.Answer a = api.get("/openapi.json", null);
        assertEquals(200, a.status());
        String committed = Files.readString(Path.of("../docs/openapi.json"));
        assertEquals(committed, a.raw().body(), "docs/openapi.json differs from the served document");
        JsonNode paths = a.json().path("paths");
        for (Map.Entry<String, String> route : server.routes()) {
            JsonNode op = paths.path(route.getValue()).path(route.getKey().toLowerCase());
            assertFalse(op.isMissingNode(), route + " is not in openapi.json");
        }
        Set<String> routed = server.routes().stream().map(Map.Entry::getValue).collect(Collectors.toSet());
        paths.fieldNames().forEachRemaining(p -> assertTrue(routed.contains(p), p + " is documented but not served"));
        assertEquals("3.1.0", a.json().path("openapi").asText());
    }

    // ---- /orchestrate

    @Test
    void orchestrateDecidesRecordsAndAnswersTheDecisions() throws Exception {
        ApiClient.Answer a = api.post("/orchestrate", operator, situation("03-event-high-equipment-degrades.json"));
        assertEquals(200, a.status(), a.raw().body());
        assertEquals("cdu-03-event-high-equipment-degrades", a.json().path("situation_id").asText());
        List<String> got = new ArrayList<>();
        a.json().path("decisions").forEach(d -> got.add(d.path("action").asText() + " " + d.path("module").asText()
                + " " + d.path("priority").asText()));
        assertEquals(List.of("ALERT null HIGH", "INVOKE optimization SAFETY"), got);
        String id = a.json().path("decisions").get(0).path("id").asText();
        assertTrue(engine.store().find(java.util.UUID.fromString(id)).isPresent(), "recorded in the store");
        assertEquals(64, a.json().path("decisions").get(0).path("hash").asText().length());
    }

    @Test
    void everySampleSituationIsAccepted() throws Exception {
        try (var files = Files.list(SITUATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ApiClient.Answer a = api.post("/orchestrate", engineer, Files.readString(f));
                assertEquals(200, a.status(), f + ": " + a.raw().body());
                assertTrue(a.json().path("decisions").size() >= 1, f.toString());
            }
        }
    }

    @Test
    void malformedJsonIs400() throws Exception {
        ApiClient.Answer a = api.post("/orchestrate", operator, "{\"id\": \"x\", \"time\": ");
        assertEquals(400, a.status());
        assertEquals("malformed_json", a.error());
        assertTrue(a.json().path("detail").asText().contains("line 1"), a.raw().body());
        assertEquals(Set.of("error", "field", "detail"), fields(a.json()));
        assertEquals("malformed_json", api.post("/orchestrate", operator, "").error());
        assertEquals("malformed_json", api.post("/orchestrate", operator, "{\"id\":\"a\",\"time\":\"2026-11-24T00:00:00Z\"} x")
                .error(), "trailing garbage");
        assertEquals("malformed_json", api.post("/orchestrate", operator, "null").error());
    }

    @Test
    void unknownFieldsAreRejectedNamingTheField() throws Exception {
        ApiClient.Answer a = api.post("/orchestrate", operator,
                "{\"id\":\"u\",\"time\":\"2026-11-24T06:00:00Z\",\"tagz\":[]}");
        assertEquals(400, a.status());
        assertEquals("unknown_field", a.error());
        assertEquals("tagz", a.field());
        assertTrue(a.json().path("detail").asText().contains("allowed:"), a.raw().body());
        ApiClient.Answer nested = api.post("/orchestrate", operator,
                "{\"id\":\"u\",\"time\":\"2026-11-24T06:00:00Z\",\"tags\":[{\"tag\":\"t\",\"value\":1,\"colour\":\"red\"}]}");
        assertEquals(400, nested.status());
        assertEquals("tags[0].colour", nested.field());
    }

    @Test
    void badValuesAreRejectedNamingTheField() throws Exception {
        ApiClient.Answer quality = api.post("/orchestrate", operator,
                "{\"id\":\"q\",\"time\":\"2026-11-24T06:00:00Z\",\"tags\":[{\"tag\":\"t\",\"value\":1,\"quality\":\"SHINY\"}]}");
        assertEquals(400, quality.status());
        assertEquals("invalid_value", quality.error());
        assertEquals("tags[0].quality", quality.field());
        ApiClient.Answer time = api.post("/orchestrate", operator, "{\"id\":\"q\",\"time\":\"yesterday\"}");
        assertEquals("time", time.field());
        ApiClient.Answer missing = api.post("/orchestrate", operator, "{\"time\":\"2026-11-24T06:00:00Z\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.json().path("detail").asText().contains("situation id is required"), missing.raw().body());
        ApiClient.Answer module = api.post("/orchestrate", operator, "{\"id\":\"m\",\"time\":\"2026-11-24T06:00:00Z\","
                + "\"operator_requests\":[{\"id\":\"r\",\"module\":\"weather\"}]}");
        assertEquals(400, module.status());
        assertEquals("operator_requests[0].module", module.field());
    }

    @Test
    void oversizeBodiesAre413() throws Exception {
        String big = "{\"id\":\"big\",\"time\":\"2026-11-24T06:00:00Z\",\"description\":\"" + "x".repeat(70_000) + "\"}";
        ApiClient.Answer a = api.post("/orchestrate", operator, big);
        assertEquals(413, a.status());
        assertEquals("body_too_large", a.error());
        // Without a Content-Length (chunked), the limit holds as well.
        HttpRequest chunked = api.request("/orchestrate", operator).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
        assertEquals(413, api.send(chunked).status());
        // And the server still answers afterwards.
        assertEquals(200, api.get("/status", viewer).status());
    }

    @Test
    void viewersMayNotOrchestrateAndTheRefusalIsAudited() throws Exception {
        ApiClient.Answer a = api.post("/orchestrate", viewer, situation("01-all-normal.json"));
        assertEquals(403, a.status());
        assertEquals("forbidden", a.error());
        assertTrue(a.json().path("detail").asText().contains("operator"), a.raw().body());
        assertTrue(audits().stream().anyMatch(e -> e.actor().equals("vic.viewer") && e.action().equals("orchestrate")
                && e.result().equals("DENIED") && e.origin().startsWith("api 127.0.0.1:")));
    }

    // ---- tokens

    @Test
    void missingInvalidAndMalformedTokensAre401OnEveryProtectedEndpoint() throws Exception {
        for (String path : List.of("/status", "/decisions", "/events")) {
            ApiClient.Answer none = api.get(path, null);
            assertEquals(401, none.status(), path);
            assertEquals("missing_token", none.error());
            assertEquals("Bearer realm=\"dang\"", none.raw().headers().firstValue("WWW-Authenticate").orElseThrow());
            ApiClient.Answer wrong = api.get(path, "dang_not-a-token");
            assertEquals(401, wrong.status());
            assertEquals("invalid_token", wrong.error());
        }
        for (String path : List.of("/orchestrate", "/invoke/forecasting")) {
            assertEquals("missing_token", api.post(path, null, "{}").error(), path);
            assertEquals("invalid_token", api.post(path, "nope", "{}").error(), path);
        }
        ApiClient.Answer basic = api.send(api.request("/status", null).header("Authorization", "Basic dXNlcjpwdw==")
                .GET().build());
        assertEquals(401, basic.status());
        assertEquals("invalid_token", basic.error());
    }

    @Test
    void tokensAreStoredHashedAndNewOnesWorkWithoutARestart() throws Exception {
        String file = Files.readString(dir.resolve("tokens"));
        assertFalse(file.contains(operator.substring(5)), "the token itself is never stored");
        assertTrue(file.contains(TokenFile.hash(operator)));
        String late = new TokenFile(dir.resolve("tokens")).add("late.user", Role.VIEWER);
        assertEquals(200, api.get("/status", late).status());
        assertEquals(1, new TokenFile(dir.resolve("tokens")).remove("late.user"));
        assertEquals(401, api.get("/status", late).status(), "revoked at once");
    }

    // ---- routing

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        ApiClient.Answer nf = api.get("/nothing", viewer);
        assertEquals(404, nf.status());
        assertEquals("not_found", nf.error());
        ApiClient.Answer m = api.get("/orchestrate", operator);
        assertEquals(405, m.status());
        assertEquals("POST", m.raw().headers().firstValue("Allow").orElseThrow());
        assertEquals(400, api.get("/status?verbose=1", viewer).status());
        assertEquals("verbose", api.get("/status?verbose=1", viewer).field());
    }

    // ---- /status

    @Test
    void statusReportsEveryPart() throws Exception {
        ApiClient.Answer a = api.get("/status", viewer);
        assertEquals(200, a.status());
        JsonNode s = a.json();
        assertEquals("OK", s.path("status").asText(), a.raw().body());
        assertEquals("RUNNING", s.path("engine").path("state").asText());
        assertEquals("NONE", s.path("data_source").path("state").asText());
        assertEquals("NONE_CONFIGURED", s.path("llm").path("state").asText());
        assertEquals("OK", s.path("store").path("state").asText());
        assertTrue(s.path("store").path("path").asText().contains("decisions"));
        Map<String, JsonNode> modules = new java.util.HashMap<>();
        s.path("modules").forEach(m -> modules.put(m.path("module").asText(), m));
        assertTrue(modules.get("forecasting").path("invocable").asBoolean());
        assertEquals("NOT_INSTALLED", modules.get("optimization").path("state").asText());
        assertFalse(modules.get("optimization").path("invocable").asBoolean());
    }

    // ---- /invoke

    @Test
    void invokeRunsTheModuleAndAuditsIt() throws Exception {
        ApiClient.Answer a = api.post("/invoke/forecasting", operator, "{\"horizon\": 3, \"tags\": [\"a\", \"b\"]}");
        assertEquals(200, a.status(), a.raw().body());
        assertEquals("COMPLETED", a.json().path("status").asText());
        assertEquals("3 steps forecast", a.json().path("summary").asText());
        assertEquals("[2.0,4.0,6.0]", a.json().path("result").path("values").toString());
        long runId = a.json().path("run_id").asLong();
        AuditEvent audit = audits().stream().filter(e -> e.detail() != null && e.detail().startsWith("run " + runId + " "))
                .findFirst().orElseThrow();
        assertEquals("op.lee", audit.actor());
        assertEquals("operator", audit.role());
        assertEquals("request_module_run", audit.action());
        assertEquals("module forecasting", audit.target());
        assertEquals("OK", audit.result());
        assertTrue(audit.origin().startsWith("api 127.0.0.1:"), audit.origin());
        assertNotNull(audit.time());
    }

    @Test
    void invokeValidatesTheTypedBody() throws Exception {
        ApiClient.Answer unknown = api.post("/invoke/forecasting", operator, "{\"horizon\": 3, \"horizn\": 4}");
        assertEquals(400, unknown.status());
        assertEquals("unknown_field", unknown.error());
        assertEquals("horizn", unknown.field());
        ApiClient.Answer type = api.post("/invoke/forecasting", operator, "{\"horizon\": \"soon\"}");
        assertEquals(400, type.status());
        assertEquals("horizon", type.field());
        ApiClient.Answer range = api.post("/invoke/forecasting", engineer, "{\"horizon\": 99}");
        assertEquals(400, range.status());
        assertEquals("horizon", range.field());
        assertTrue(range.json().path("detail").asText().contains("allowed 1 to 48"));
        assertEquals("malformed_json", api.post("/invoke/forecasting", operator, "{horizon: 1}").error());
        assertTrue(audits().stream().anyMatch(e -> e.actor().equals("eng.kim") && e.result().equals("FAILED")
                && e.detail().contains("allowed 1 to 48")), "a refused body is audited as FAILED");
        assertEquals("wait", api.post("/invoke/forecasting?wait=-1", operator, "{\"horizon\": 1}").field());
        assertEquals("wait", api.post("/invoke/forecasting?wait=9999", operator, "{\"horizon\": 1}").field());
    }

    @Test
    void invokeNeedsOperatorOrEngineerAndAuditsTheDenial() throws Exception {
        ApiClient.Answer a = api.post("/invoke/forecasting", viewer, "{\"horizon\": 3}");
        assertEquals(403, a.status());
        assertTrue(audits().stream().anyMatch(e -> e.actor().equals("vic.viewer")
                && e.action().equals("request_module_run") && e.result().equals("DENIED")));
    }

    @Test
    void unknownAndUninstalledModulesAreNamed() throws Exception {
        ApiClient.Answer unknown = api.post("/invoke/weather", operator, "{}");
        assertEquals(404, unknown.status());
        assertEquals("unknown_module", unknown.error());
        assertTrue(unknown.json().path("detail").asText().contains("weather"));
        ApiClient.Answer absent = api.post("/invoke/optimization", operator, "{}");
        assertEquals(409, absent.status());
        assertEquals("module_not_installed", absent.error());
        assertTrue(absent.json().path("detail").asText().contains("optimization is not installed"), absent.raw().body());
    }

    @Test
    void aSlowModuleAnswers202AndNeverBlocksStatusAndACrashIs502() throws Exception {
        ApiClient.Answer slow = api.post("/invoke/analysis?wait=0.2", operator, "{\"id\": \"slow\", \"fail\": false}");
        assertEquals(202, slow.status(), slow.raw().body());
        assertEquals("RUNNING", slow.json().path("status").asText());
        Thread.sleep(1200); // one status sample later
        long t0 = System.nanoTime();
        ApiClient.Answer status = api.get("/status", viewer);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, status.status());
        assertTrue(ms < 1000, "status took " + ms + " ms while a module is busy");
        JsonNode analysisStatus = null;
        for (JsonNode m : status.json().path("modules")) {
            if (m.path("module").asText().equals("analysis")) {
                analysisStatus = m;
            }
        }
        assertEquals(1, analysisStatus.path("running").asInt(), status.raw().body());
        analysis.release.countDown();
        ApiClient.Answer crash = api.post("/invoke/analysis", operator, "{\"id\": \"boom\", \"fail\": true}");
        assertEquals(502, crash.status(), crash.raw().body());
        assertEquals("module_failed", crash.error());
        assertTrue(crash.json().path("detail").asText().contains("analysis crashed on boom"));
        assertTrue(audits().stream().anyMatch(e -> e.result().equals("FAILED")
                && e.detail().contains("analysis crashed on boom")));
    }

    // ---- /optimization/proposals (approvals with a unit: ProposalsApiTest)

    @Test
    void proposalsNeedASimulatedUnit() throws Exception {
        for (ApiClient.Answer a : List.of(api.get("/optimization/proposals", viewer),
                api.post("/optimization/proposals/opt-1-1/approve", operator, "{\"selected\": [\"feed_rate\"]}"),
                api.post("/optimization/proposals/opt-1-1/reject", operator, "{\"reason\": \"no\"}"))) {
            assertEquals(409, a.status(), a.raw().body());
            assertEquals("no_setpoint_unit", a.error());
            assertTrue(a.json().path("detail").asText().contains("--source simulator"));
        }
    }

    // ---- /decisions

    @Test
    void decisionsPagesAndFilters() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.post("/orchestrate", operator, situation("06-market-crack-spread-move.json")).status());
        }
        ApiClient.Answer all = api.get("/decisions?limit=2", viewer);
        assertEquals(200, all.status());
        assertEquals(2, all.json().path("items").size());
        assertTrue(all.json().path("has_more").asBoolean());
        long total = all.json().path("total").asLong();
        assertTrue(total >= 3);
        ApiClient.Answer page2 = api.get("/decisions?limit=2&offset=2", viewer);
        assertEquals(2, page2.json().path("offset").asInt());
        assertTrue(page2.json().path("items").get(0).path("seq").asLong()
                < all.json().path("items").get(1).path("seq").asLong(), "newest first, pages continue");
        ApiClient.Answer analysisOnly = api.get("/decisions?module=analysis&action=INVOKE&text=crack%20spread", viewer);
        assertTrue(analysisOnly.json().path("total").asLong() >= 3, analysisOnly.raw().body());
        analysisOnly.json().path("items").forEach(d -> assertEquals("analysis", d.path("module").asText()));
        ApiClient.Answer none = api.get("/decisions?from=2099-01-01", viewer);
        assertEquals(0, none.json().path("total").asLong());
    }

    @Test
    void decisionQueryErrorsNameTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/decisions?limit=0", "limit", "/decisions?limit=abc", "limit", "/decisions?offset=-1", "offset",
                "/decisions?module=weather", "module", "/decisions?action=RUN", "action", "/decisions?source=GUESS",
                "source", "/decisions?outcome=MAYBE", "outcome", "/decisions?from=yesterday", "from",
                "/decisions?sort=asc", "sort", "/decisions?limit=1&limit=2", "limit");
        for (var c : cases.entrySet()) {
            ApiClient.Answer a = api.get(c.getKey(), viewer);
            assertEquals(400, a.status(), c.getKey());
            assertEquals(c.getValue(), a.field(), c.getKey());
        }
    }

    // ---- /events

    @Test
    void eventsStreamALiveDecision() throws Exception {
        HttpResponse<InputStream> stream = api.http().send(api.request("/events", viewer)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertTrue(lines.readLine().startsWith(": connected as vic.viewer"));
            ExecutorService poster = Executors.newSingleThreadExecutor();
            Future<ApiClient.Answer> posted = poster.submit(() ->
                    api.post("/orchestrate", operator, situation("10-event-critical-anomaly.json")));
            String event = null;
            String data = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                String line = lines.readLine();
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "decision".equals(event)) {
                    data = line.substring(6);
                    if (Json.mapper().readTree(data).path("situation_id").asText().equals("cdu-10-event-critical-anomaly")) {
                        break;
                    }
                }
            }
            assertEquals(200, posted.get(20, TimeUnit.SECONDS).status());
            poster.shutdown();
            assertNotNull(data, "no decision event arrived");
            assertEquals("ALERT", Json.mapper().readTree(data).path("action").asText());
        }
    }

    // ---- load

    @Test
    void sixteenConcurrentClientsAllSucceed() throws Exception {
        String body = situation("05-kpi-shortfall-just-above.json");
        long before = engine.store().count();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            results.add(pool.submit((Callable<List<Integer>>) () -> {
                List<Integer> codes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    codes.add(api.post("/orchestrate", operator, body).status());
                    codes.add(api.get("/decisions?limit=5", viewer).status());
                    codes.add(api.get("/status", viewer).status());
                }
                return codes;
            }));
        }
        for (Future<List<Integer>> f : results) {
            assertTrue(f.get(60, TimeUnit.SECONDS).stream().allMatch(c -> c == 200));
        }
        pool.shutdown();
        long perSituation = api.post("/orchestrate", operator, body).json().path("decisions").size();
        assertTrue(engine.store().count() - before >= 16 * 20 * perSituation);
        assertTrue(engine.store().verify().intact(), "hash chain intact after concurrent writes");
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> s = new java.util.HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void nonLoopbackBindWithoutTlsIsRefused() {
        ServerConfig open = ServerConfig.defaults().listeningOn("0.0.0.0", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiServer.start(engine, open, new ModuleRequests()));
        assertTrue(e.getMessage().contains("without TLS"), e.getMessage());
    }
}
