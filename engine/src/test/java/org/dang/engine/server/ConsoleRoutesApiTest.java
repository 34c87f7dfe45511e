package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.situation.Quality;

/** The routes a remote console reads (whoami, tags, tag history, module runs, situations, tag events) over HTTP. */
class ConsoleRoutesApiTest {

    @TempDir
    Path dir;

    Engine engine;
    ApiServer server;
    ApiClient api;
    String viewer;

    @BeforeEach
    void start() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        engine.attach(new AlarmsApiTest.HotColumn());
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000),
                ModuleRequests.standard());
        api = new ApiClient(server.uri());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.plant().tags().latest("top_temp").map(s -> s.value() != 173).orElse(true)) {
            assertTrue(System.nanoTime() < deadline, "the scans did not arrive: " + engine.plant().tags().latest("top_temp"));
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void aViewerReadsWhoItIsAndTheTagsWithTheirNewestReading() throws Exception {
        ApiClient.Answer me = api.get("/whoami", viewer);
        assertEquals(200, me.status(), me.raw().body());
        assertEquals("vic.viewer", me.json().path("user").asText());
        assertEquals("VIEWER", me.json().path("role").asText());
        assertEquals(401, api.get("/whoami", null).status());

        ApiClient.Answer tags = api.get("/tags", viewer);
        assertEquals(200, tags.status(), tags.raw().body());
        JsonNode tag = tags.json().path("tags").get(0);
        assertEquals("top_temp", tag.path("definition").path("tag").asText());
        assertEquals("degC", tag.path("definition").path("unit").asText());
        assertEquals(150.0, tag.path("definition").path("alarms").path("hi").asDouble());
        // The quality monitor holds the newest scan back until the next one (spike check), so the fourth is newest.
        assertEquals(173.0, tag.path("latest").path("value").asDouble(), "the fourth scan's value");
        assertEquals("GOOD", tag.path("latest").path("quality").asText());
        assertEquals(tag.path("latest").path("time").asText(), tags.json().path("plant_time").asText());
    }

    @Test
    void historyIsCheckedAndReduced() throws Exception {
        ApiClient.Answer all = api.get("/tags/top_temp/history", viewer);
        assertEquals(200, all.status(), all.raw().body());
        assertEquals(4, all.json().path("times").size());
        assertFalse(all.json().path("reduced").asBoolean());
        ApiClient.Answer two = api.get("/tags/top_temp/history?max_points=2", viewer);
        assertEquals(2, two.json().path("values").size());
        assertEquals(170.0, two.json().path("values").get(0).asDouble(), "the lowest kept");
        assertEquals(173.0, two.json().path("values").get(1).asDouble(), "the highest kept");
        assertTrue(two.json().path("reduced").asBoolean());

        assertEquals("unknown_tag", api.get("/tags/nope/history", viewer).error());
        assertEquals(404, api.get("/tags/nope/history", viewer).status());
        ApiClient.Answer points = api.get("/tags/top_temp/history?max_points=1", viewer);
        assertEquals(400, points.status());
        assertEquals("max_points", points.field());
        ApiClient.Answer backwards = api.get("/tags/top_temp/history?from=2026-11-24T06:00:00Z&to=2026-11-24T05:00:00Z",
                viewer);
        assertEquals("from", backwards.field());
        assertEquals("from", api.get("/tags/top_temp/history?from=yesterday", viewer).field());
        assertEquals("unknown_parameter", api.get("/tags/top_temp/history?points=3", viewer).error());
    }

    @Test
    void moduleRunsAndSituationsAreReadableAndCancelIsChecked() throws Exception {
        ApiClient.Answer runs = api.get("/modules/runs?limit=5", viewer);
        assertEquals(200, runs.status(), runs.raw().body());
        assertTrue(runs.json().path("active").isArray() && runs.json().path("recent").isArray());
        ApiClient.Answer none = api.post("/modules/runs/99999/cancel", viewer, "{}");
        assertEquals(404, none.status());
        assertEquals("unknown_run", none.error());
        assertEquals("id", api.post("/modules/runs/abc/cancel", viewer, "{}").field());
        assertEquals("hash", api.get("/situations/not-a-hash", viewer).field());
        assertEquals("unknown_situation", api.get("/situations/" + "0".repeat(64), viewer).error());
    }

    @Test
    void scansReachTheEventStreamAsThrottledTagEvents() throws Exception {
        HttpResponse<InputStream> r = api.http().send(api.request("/events", viewer).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            // Scans after the subscription: the next tick publishes them once.
            Instant t = Instant.now();
            for (int i = 0; i < 50; i++) {
                engine.plant().scan(new org.dang.engine.plant.PlantScan(t.plusSeconds(i), java.util.List.of(
                        new org.dang.engine.plant.TagSample("top_temp", t.plusSeconds(i), 100 + i, Quality.GOOD))));
            }
            String line;
            String event = null;
            while ((line = in.readLine()) != null) {
                if (line.equals("event: tags")) {
                    event = in.readLine();
                    break;
                }
            }
            assertTrue(event != null && event.startsWith("data: "), String.valueOf(event));
            JsonNode data = org.dang.engine.json.Json.mapper().readTree(event.substring(6));
            assertEquals(148.0, data.path("readings").get(0).path("value").asDouble(),
                    "one event with the newest reading, not fifty");
        }
    }

    @Test
    void reductionKeepsBadQualityAndSkipsNaN() {
        long[] t = new long[100];
        double[] v = new double[100];
        Quality[] q = new Quality[100];
        for (int i = 0; i < 100; i++) {
            t[i] = i * 60_000L;
            v[i] = i % 10 == 3 ? Double.NaN : i;
            q[i] = i == 57 ? Quality.OUT_OF_RANGE : Quality.GOOD;
        }
        TagSeries r = TagHistory.reduce(new TagSeries("x", t, v, q), 20);
        assertTrue(r.size() <= 20, "at most max_points: " + r.size());
        assertTrue(java.util.Arrays.stream(r.qualities()).anyMatch(x -> x == Quality.OUT_OF_RANGE),
                "a bad-quality sample survives so the trend marks it");
        assertEquals(0.0, r.values()[0]);
        assertEquals(99.0, r.values()[r.size() - 1]);
    }
}
