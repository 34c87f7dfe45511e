package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.assistant.ChatPlant;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.forecast.ForecastRequest;

/**
 * {@code POST /invoke/{module}} over real HTTP with the shipped modules installed as {@code dang serve}
 * installs them: each body becomes the module's request through its own {@code fromParameters}.
 */
class InvokeModulesApiTest {

    @TempDir
    static Path dir;

    static String previousHome;
    static ChatPlant plant;
    static Engine engine;
    static ApiServer server;
    static ApiClient api;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        // The market data set is found under dang.home (the repository root here; the install folder when installed).
        previousHome = System.setProperty("dang.home", "..");
        // A simulated unit that is not started: its initial state is what the optimisation proposes for.
        plant = ChatPlant.open(dir, null);
        engine = plant.engine();
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        operator = tokens.add("op.lee", Role.OPERATOR);
        ServerConfig sc = ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000);
        server = ApiServer.start(engine, sc, ModuleRequests.standard());
        api = new ApiClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        plant.close();
        if (previousHome == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", previousHome);
        }
    }

    ApiClient.Answer invoke(String module, String body) throws Exception {
        return api.post("/invoke/" + module + "?wait=30", operator, body);
    }

    static void assertRefused(ApiClient.Answer a, String error, String field, String detailPart) {
        assertEquals(400, a.status(), a.raw().body());
        assertEquals(error, a.error(), a.raw().body());
        assertEquals(field, a.field(), a.raw().body());
        assertTrue(a.json().path("detail").asText().contains(detailPart), a.raw().body());
    }

    @Test
    void forecastingRunsTheRealForecasterFromTheBody() throws Exception {
        String body = "{\"tags\": [\"naphtha_yield\"], \"horizon\": 4, \"model_selection\": \"ridge\", \"lags\": 6}";
        ApiClient.Answer a = invoke("forecasting", body);
        assertEquals(200, a.status(), a.raw().body());
        assertTrue(a.json().path("summary").asText().startsWith("naphtha_yield: 4 steps by Ridge"), a.raw().body());
        // The request is the one a decision with the same parameters gets.
        ForecastRequest asDecision = ForecastRequest.fromParameters(
                Map.of("tags", List.of("naphtha_yield"), "horizon", 4, "model_selection", "ridge", "lags", 6));
        assertEquals(Json.mapper().valueToTree(asDecision), a.json().path("request"));
        assertEquals(4, a.json().path("result").path("forecasts").get(0).path("points").size(), a.raw().body());
    }

    @Test
    void forecastingBodiesAreCheckedAndTheFieldNamed() throws Exception {
        assertRefused(invoke("forecasting", "{\"horizn\": 4}"), "unknown_field", "horizn", "allowed: tags, horizon");
        assertRefused(invoke("forecasting", "{\"horizon\": 0}"), "invalid_value", "horizon", "1 to 1000");
        assertRefused(invoke("forecasting", "{\"horizon\": 2.5}"), "invalid_value", "horizon", "whole number");
        assertRefused(invoke("forecasting", "{\"horizon\": null}"), "invalid_value", "horizon", "whole number");
        assertRefused(invoke("forecasting", "{\"model_selection\": \"neural\"}"), "invalid_value", "model_selection",
                "not auto, ridge or xgboost");
        assertRefused(invoke("forecasting", "{\"interval\": \"soon\"}"), "invalid_value", "interval", "ISO-8601");
        assertRefused(invoke("forecasting", "{\"retrain\": \"yes\"}"), "invalid_value", "retrain", "true or false");
        assertRefused(invoke("forecasting", "{\"tags\": [1]}"), "invalid_value", "tags", "strings");
        assertRefused(invoke("forecasting", "{\"tags\": [\"a\"], \"inputs\": [\"a\"]}"), "invalid_value", "inputs",
                "forecast itself");
        assertRefused(invoke("forecasting", "{\"horizon\": 3, \"horizon\": 4}"), "malformed_json", null,
                "Duplicate field 'horizon'");
        assertRefused(invoke("forecasting", "[4]"), "invalid_value", null, "must be a JSON object");
    }

    @Test
    void analysisRunsTheMarketAnalysisAsOfADate() throws Exception {
        ApiClient.Answer a = invoke("analysis", "{\"as_of\": \"2008-07-16\"}");
        assertEquals(200, a.status(), a.raw().body());
        assertEquals("2008-07-17T00:00:00Z", a.json().path("request").path("as_of").asText());
        assertEquals("2008-07-16", a.json().path("result").path("as_of").asText());
        assertTrue(!a.json().path("summary").asText().isBlank());
        assertRefused(invoke("analysis", "{\"as_of\": \"soon\"}"), "invalid_value", "as_of", "neither a date");
        assertRefused(invoke("analysis", "{\"as_of\": 2008}"), "invalid_value", "as_of", "expected a string");
        assertRefused(invoke("analysis", "{\"date\": \"2008-07-16\"}"), "unknown_field", "date", "allowed: as_of");
    }

    @Test
    void optimizationProposesForTheSimulatedUnit() throws Exception {
        ApiClient.Answer a = invoke("optimization", "{\"constraints\": \"tightened\", \"objective\": \"margin\"}");
        assertEquals(200, a.status(), a.raw().body());
        assertTrue(a.json().path("request").path("tightened").asBoolean(), a.raw().body());
        assertTrue(a.json().path("result").path("id").asText().startsWith("opt-"), a.raw().body());
        assertEquals(6, a.json().path("result").path("moves").size(), a.raw().body());
        assertRefused(invoke("optimization", "{\"constraints\": \"loose\"}"), "invalid_value", "constraints",
                "not normal or tightened");
        assertRefused(invoke("optimization", "{\"objective\": \"volume\"}"), "invalid_value", "objective",
                "not margin or product_slate");
        assertRefused(invoke("optimization", "{\"tightened\": true}"), "unknown_field", "tightened",
                "allowed: constraints, objective, rl_policy, window");
    }

    @Test
    void theOpenApiDocumentDescribesEachRegisteredBody() throws Exception {
        JsonNode schemas = Json.mapper().readTree(Files.readString(Path.of("../docs/openapi.json")))
                .path("components").path("schemas");
        ModuleRequests standard = ModuleRequests.standard();
        assertEquals(java.util.Set.of(ModuleName.values()), standard.modules());
        for (ModuleName m : ModuleName.values()) {
            String name = Character.toUpperCase(m.key().charAt(0)) + m.key().substring(1) + "Request";
            List<String> documented = new ArrayList<>();
            schemas.path(name).path("properties").fieldNames().forEachRemaining(documented::add);
            assertEquals(standard.entry(m).orElseThrow().names(), documented, name);
            assertEquals(false, schemas.path(name).path("additionalProperties").asBoolean(true), name);
        }
    }
}
