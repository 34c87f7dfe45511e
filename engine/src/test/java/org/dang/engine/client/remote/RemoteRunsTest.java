package org.dang.engine.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.client.RunFailure;
import org.dang.engine.client.RunProgress;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.forecast.ForecastPoint;
import org.dang.engine.module.forecast.ForecastResult;
import org.dang.engine.module.forecast.TagForecast;
import org.dang.engine.module.market.MarketReport;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.Quality;

/**
 * Forecasts and market analyses from a remote console over real HTTP on loopback: the real forecasting and
 * market modules behind {@code POST /invoke/{module}}, the typed result back, and every failure a status.
 */
class RemoteRunsTest {

    @TempDir
    static Path dir;

    static String previousHome;
    static Engine engine;
    static LoopbackServer api;

    @BeforeAll
    static void start() throws Exception {
        // The market data set is found under dang.home (the repository root here).
        previousHome = System.setProperty("dang.home", "..");
        engine = EngineModules.installAvailable(Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions"))));
        fill(engine);
        api = LoopbackServer.start(engine, dir);
    }

    /** Twenty days of an hourly naphtha yield with a daily cycle, and a tag with five readings only. */
    static void fill(Engine e) {
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 24 * 20; i++) {
            Instant t = t0.plus(Duration.ofHours(i));
            double v = 20 + 2 * Math.sin(2 * Math.PI * i / 24) + 0.3 * Math.sin(i * 1.7);
            e.plant().tags().append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, Quality.GOOD),
                    new TagSample("short_tag", t, i < 5 ? v : Double.NaN, i < 5 ? Quality.GOOD : Quality.BAD))));
        }
    }

    @AfterAll
    static void stop() {
        api.close();
        engine.close();
        if (previousHome == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", previousHome);
        }
    }

    static RunFailure failure(CompletableFuture<?> f) throws Exception {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> f.get(60, TimeUnit.SECONDS));
        return assertInstanceOf(RunFailure.class, e.getCause());
    }

    @Test
    void aForecastComesBackTypedWithItsBandsAndIsAuditedAsTheTokensUser() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (RemoteEngine op = api.connect(api.operator())) {
            ForecastResult r = op.runs().forecast("naphtha_yield", 6, (f, m) -> heard.add(f + " " + m))
                    .get(120, TimeUnit.SECONDS);
            TagForecast f = r.forecasts().getFirst();
            assertEquals("naphtha_yield", f.tag());
            assertEquals(6, f.points().size());
            assertEquals(Duration.ofHours(1), f.interval());
            for (ForecastPoint p : f.points()) {
                assertTrue(p.lo95() <= p.lo80() && p.lo80() <= p.value() && p.value() <= p.hi80()
                        && p.hi80() <= p.hi95(), p.toString());
            }
            assertFalse(f.reason().isBlank());
            assertFalse(f.backtest().isEmpty(), "the backtest errors travel too");
            assertTrue(heard.getFirst().startsWith("-1.0 forecast of naphtha_yield: running on the engine at "),
                    heard.toString());
        }
        assertTrue(engine.store().auditTrail(20).stream().anyMatch(a -> a.actor().equals("op.lee")
                && a.action().equals("request_module_run") && a.target().equals("module forecasting")
                && a.result().equals("OK")), "audited on the engine as the token's user");
    }

    @Test
    void aServerThatAllowsShorterWaitsIsNeverAskedForLonger() throws Exception {
        // request_timeout 5 s: POST /invoke refuses ?wait= above 5, so the console must learn it from /whoami.
        try (ApiServer shortWaits = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRequestTimeout(Duration.ofSeconds(5)),
                ModuleRequests.standard());
             RemoteEngine op = RemoteEngine.connect(new RemoteSettings(shortWaits.uri(), api.operator(), Optional.empty(),
                     Optional.empty()))) {
            ForecastResult r = op.runs().forecast("naphtha_yield", 3, (f, m) -> { }).get(120, TimeUnit.SECONDS);
            assertEquals(3, r.forecasts().getFirst().points().size());
        }
    }

    @Test
    void aMarketAnalysisAsOfADateComesBackWithItsFindingsAndCharts() throws Exception {
        try (RemoteEngine op = api.connect(api.operator())) {
            MarketReport r = op.runs().analyseMarket(LocalDate.of(2020, 4, 22), (f, m) -> {
            }).get(120, TimeUnit.SECONDS);
            assertEquals(LocalDate.of(2020, 4, 22), r.asOf());
            assertTrue(r.findings().stream().anyMatch(x -> x.change() && x.headline().startsWith("Crude stocks +15.0 Mb")),
                    r.summary());
            assertEquals(156, r.stocks().getFirst().size(), "three years of weekly stocks with their band");
            assertTrue(r.crackSpread().size() > 500);
            assertFalse(r.dataThrough().isEmpty());
        }
    }

    @Test
    void aRunStillGoingAfterTheWaitIsJoinedNotStartedAgain() throws Exception {
        EngineHttp http = new EngineHttp(api.settings(api.operator()));
        // A one-second wait on the server; a forecast with XGBoost in the choice takes seconds (its backtests).
        RemoteRuns runs = new RemoteRuns(http, new EventStream(http, InstantSource.system()), Duration.ofSeconds(1));
        List<String> heard = new CopyOnWriteArrayList<>();
        RunProgress progress = (f, m) -> heard.add(m);
        AtomicInteger started = new AtomicInteger();
        ModuleRunListener count = e -> {
            if (e instanceof ModuleRunEvent.Started && e.module() == ModuleName.FORECASTING) {
                started.incrementAndGet();
            }
        };
        engine.modules().addListener(count);
        try {
            ForecastResult r = runs.forecast("naphtha_yield", 8, progress).get(120, TimeUnit.SECONDS);
            assertEquals(8, r.forecasts().getFirst().points().size());
        } finally {
            engine.modules().removeListener(count);
        }
        assertTrue(heard.stream().anyMatch(m -> m.matches("forecast of naphtha_yield: run \\d+ still running on .*")),
                heard.toString());
        assertEquals(1, started.get(), "one run on the engine, however often the console asked");
    }

    @Test
    void aViewerIsRefusedWithTheEnginesReason() throws Exception {
        try (RemoteEngine v = api.connect(api.viewer())) {
            RunFailure f = failure(v.runs().forecast("naphtha_yield", 6, (x, m) -> {
            }));
            assertEquals(RunFailure.Kind.REFUSED, f.kind());
            assertTrue(f.getMessage().startsWith("forecast of naphtha_yield not started: "), f.getMessage());
            assertTrue(f.getMessage().contains("viewer"), f.getMessage());
            RunFailure m = failure(v.runs().analyseMarket(LocalDate.of(2020, 4, 22), (x, y) -> {
            }));
            assertEquals(RunFailure.Kind.REFUSED, m.kind());
        }
        assertTrue(engine.store().auditTrail(20).stream().anyMatch(a -> a.actor().equals("vic.viewer")
                && a.action().equals("request_module_run") && a.result().startsWith("DENIED")),
                engine.store().auditTrail(20).toString());
    }

    @Test
    void aModuleFailureIsAStatusNamingTheTag() throws Exception {
        try (RemoteEngine op = api.connect(api.operator())) {
            RunFailure f = failure(op.runs().forecast("short_tag", 6, (x, m) -> {
            }));
            assertEquals(RunFailure.Kind.FAILED, f.kind(), f.getMessage());
            assertTrue(f.getMessage().startsWith("forecast of short_tag failed: "), f.getMessage());
            assertTrue(f.getMessage().contains("short_tag"), f.getMessage());
        }
    }

    @Test
    void theCrackSpreadTileReadsTheEnginesMarketDataOncePerDay() throws Exception {
        Instant during = Instant.parse("2020-04-22T12:00:00Z");
        MarketQuote expected = engine.crackSpreadAt(during).orElseThrow();
        try (RemoteEngine v = api.connect(api.viewer())) {
            assertEquals(Optional.of(expected), v.tags().crackSpreadAt(during), "a viewer reads it too");
            assertEquals(Optional.of(expected), v.tags().crackSpreadAt(during.plusSeconds(3600)), "same day");
            assertEquals(engine.crackSpreadAt(Instant.parse("2026-10-21T00:00:00Z")),
                    v.tags().crackSpreadAt(Instant.parse("2026-10-21T00:00:00Z")));
            assertEquals(Optional.empty(), v.tags().crackSpreadAt(Instant.parse("1970-01-02T00:00:00Z")),
                    "nothing published yet");
        }
        RemoteEngineException bad = org.junit.jupiter.api.Assertions.assertThrows(RemoteEngineException.class,
                () -> new EngineHttp(api.settings(api.viewer())).get("/market/crack_spread?at=soon"));
        assertEquals(400, bad.status());
        assertTrue(bad.getMessage().contains("at \"soon\" is not a time"), bad.getMessage());
    }

    @Test
    void aRunPastTheModulesTimeoutIsAStatus(@TempDir Path own) throws Exception {
        try (Engine slow = EngineModules.installAvailable(Engine.open(ConfigLoader.parse(
                "modules:\n  forecasting:\n    timeout: 1\n", "timeout.yaml").withStore(own.resolve("decisions"))))) {
            fill(slow);
            ApiServer server = LoopbackServer.serve(slow, dir);
            try (server; RemoteEngine op = RemoteEngine.connect(new RemoteSettings(server.uri(), api.operator(),
                    Optional.empty(), Optional.empty()))) {
                RunFailure f = failure(op.runs().forecast("naphtha_yield", 48, (x, m) -> {
                }));
                assertEquals(RunFailure.Kind.TIMED_OUT, f.kind(), f.getMessage());
                assertTrue(f.getMessage().startsWith("forecast of naphtha_yield timed out: "), f.getMessage());
                assertTrue(f.getMessage().contains("timed out after 1 s"), f.getMessage());
            }
        }
    }

    @Test
    void aDeadEngineIsAStatusNotAHang() throws Exception {
        ApiServer other = LoopbackServer.serve(engine, dir);
        RemoteEngine op = RemoteEngine.connect(new RemoteSettings(other.uri(), api.operator(), Optional.empty(),
                Optional.empty()));
        other.close();
        try (op) {
            RunFailure f = failure(op.runs().analyseMarket(LocalDate.of(2020, 4, 22), (x, m) -> {
            }));
            assertEquals(RunFailure.Kind.UNREACHABLE, f.kind(), f.getMessage());
            assertTrue(f.getMessage().startsWith("market analysis as of 2020-04-22 not started: "), f.getMessage());
            assertTrue(f.getMessage().contains("cannot reach the engine at " + other.uri()), f.getMessage());
        }
    }
}
