package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;
import org.dang.engine.store.AuditEvent;

/** Alarm list, acknowledge, shelve and unshelve over HTTP, with the console's role rules and audit. */
class AlarmsApiTest {

    @TempDir
    Path dir;

    Engine engine;
    ApiServer server;
    ApiClient api;
    String viewer;
    String operator;
    String engineer;

    /** A plant that takes the top temperature over its HI limit in five one-minute scans. */
    static final class HotColumn implements PlantDataSource {
        static final TagDefinition TOP_TEMP = new TagDefinition("top_temp", "column top", "degC", 0, 300,
                new AlarmLimits(null, null, 150.0, null, AlertPriority.HIGH, 1));

        @Override
        public String name() {
            return "hot column";
        }

        @Override
        public List<TagDefinition> tags() {
            return List.of(TOP_TEMP);
        }

        @Override
        public void start(PlantDataListener listener) {
            Thread.ofPlatform().name("hot-column").start(() -> {
                Instant t0 = Instant.now().minusSeconds(600);
                for (int i = 0; i < 5; i++) {
                    Instant t = t0.plusSeconds(60L * i);
                    listener.scan(new PlantScan(t, List.of(new TagSample("top_temp", t, 170 + i, Quality.GOOD))));
                }
            });
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void start() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        engine.attach(new HotColumn());
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        engineer = tokens.add("eng.kim", Role.ENGINEER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests());
        api = new ApiClient(server.uri());
        waitFor(() -> engine.alarms().orElseThrow().alarm("top_temp.HI").map(a -> a.active()).orElse(false));
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in 10 s");
            Thread.sleep(20);
        }
    }

    private AuditEvent audit(String actor, String action, String result) throws InterruptedException {
        // Alarm audits reach the store through the alarm journal's writer thread.
        waitFor(() -> engine.store().auditTrail(100).stream().anyMatch(e -> e.actor().equals(actor)
                && e.action().equals(action) && e.result().equals(result)));
        return engine.store().auditTrail(100).stream().filter(e -> e.actor().equals(actor)
                && e.action().equals(action) && e.result().equals(result)).findFirst().orElseThrow();
    }

    @Test
    void viewersListOperatorsAcknowledgeAndEveryAttemptIsAudited() throws Exception {
        ApiClient.Answer list = api.get("/alarms", viewer);
        assertEquals(200, list.status(), list.raw().body());
        boolean listed = false;
        for (JsonNode a : list.json().path("alarms")) {
            listed |= a.path("id").asText().equals("top_temp.HI") && a.path("state").asText().equals("UNACK_ACTIVE");
        }
        assertTrue(listed, list.raw().body());

        ApiClient.Answer denied = api.post("/alarms/top_temp.HI/acknowledge", viewer, "");
        assertEquals(403, denied.status());
        audit("vic.viewer", "acknowledge_alarm", "DENIED");

        ApiClient.Answer ack = api.post("/alarms/top_temp.HI/acknowledge", operator, "");
        assertEquals(200, ack.status(), ack.raw().body());
        assertTrue(ack.json().path("done").asBoolean());
        assertEquals("ACK_ACTIVE", ack.json().path("alarm").path("state").asText());
        AuditEvent ok = audit("op.lee", "acknowledge_alarm", "OK");
        assertEquals("top_temp.HI", ok.target());
        assertTrue(ok.origin().startsWith("api 127.0.0.1:"), ok.origin());

        ApiClient.Answer again = api.post("/alarms/top_temp.HI/acknowledge", operator, "");
        assertEquals(200, again.status());
        assertEquals(false, again.json().path("done").asBoolean());

        ApiClient.Answer unknown = api.post("/alarms/no_such.HI/acknowledge", operator, "");
        assertEquals(404, unknown.status());
        assertEquals("unknown_alarm", unknown.error());
    }

    @Test
    void engineersShelveWithAReasonAndUnshelve() throws Exception {
        assertEquals(403, api.post("/alarms/top_temp.HI/shelve", operator,
                "{\"reason\":\"sensor swap\",\"minutes\":30}").status());
        audit("op.lee", "shelve_alarm", "DENIED");

        ApiClient.Answer noReason = api.post("/alarms/top_temp.HI/shelve", engineer, "{\"reason\":\"\",\"minutes\":30}");
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.field());
        audit("eng.kim", "shelve_alarm", "REJECTED");
        assertEquals("minutes", api.post("/alarms/top_temp.HI/shelve", engineer,
                "{\"reason\":\"sensor swap\",\"minutes\":0}").field());
        assertEquals("minutes", api.post("/alarms/top_temp.HI/shelve", engineer,
                "{\"reason\":\"sensor swap\",\"minutes\":100000}").field());
        assertEquals("hours", api.post("/alarms/top_temp.HI/shelve", engineer,
                "{\"reason\":\"sensor swap\",\"hours\":1}").field());

        ApiClient.Answer shelved = api.post("/alarms/top_temp.HI/shelve", engineer,
                "{\"reason\":\"sensor swap\",\"minutes\":30}");
        assertEquals(200, shelved.status(), shelved.raw().body());
        assertEquals("SHELVED", shelved.json().path("alarm").path("state").asText());
        assertEquals("sensor swap", shelved.json().path("alarm").path("shelve_reason").asText());
        assertTrue(audit("eng.kim", "shelve_alarm", "OK").detail().contains("reason: sensor swap"));

        ApiClient.Answer back = api.post("/alarms/top_temp.HI/unshelve", engineer, "");
        assertEquals(200, back.status());
        assertTrue(back.json().path("done").asBoolean());
        audit("eng.kim", "unshelve_alarm", "OK");
    }

    @Test
    void anEngineWithoutPlantDataHasNoAlarms() throws Exception {
        try (Engine bare = Engine.open(DangConfig.defaults().withStore(dir.resolve("bare")));
             ApiServer other = ApiServer.start(bare, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                     .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests())) {
            ApiClient.Answer a = new ApiClient(other.uri()).get("/alarms", viewer);
            assertEquals(409, a.status());
            assertEquals("no_plant_data", a.error());
        }
    }
}
