package org.dang.engine.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Role;
import org.dang.engine.alarm.AlarmRecord;
import org.dang.engine.alarm.AlarmSnapshot;
import org.dang.engine.client.ConnectionState;
import org.dang.engine.client.EmbeddedConnection;
import org.dang.engine.config.ConsoleConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.StoredDecision;

/**
 * The remote console's client against a real {@link ApiServer} on loopback over a real engine (H2 store
 * in a temp dir, the bundled CDU month replayed): it must read what the embedded adapters read, act with
 * the token's role, and say clearly when the engine is gone.
 */
class RemoteEngineTest {

    static final Path CDU = Path.of("../sample-plant-data/cdu");

    @TempDir
    static Path dir;

    static Engine engine;
    static ApiServer server;
    static String viewer;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        engine.attach(new CsvReplaySource(CDU.resolve("history.csv.gz"), CDU.resolve("tags.csv"),
                new CsvReplaySource.Options(0, false)));
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000),
                ModuleRequests.standard());
        // The whole month replays in a few seconds; wait for it so history and alarms are settled.
        waitFor(() -> engine.plant().scanCount() >= 43_200, 120);
        waitFor(() -> engine.store().query(DecisionQuery.latest(1)).total() > 2000, 30);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in " + seconds + " s");
            Thread.sleep(50);
        }
    }

    static RemoteEngine connect(String token) {
        return RemoteEngine.connect(new RemoteSettings(server.uri(), token, Optional.empty(), Optional.empty()));
    }

    @Test
    void readsWhatTheEmbeddedEngineHolds() {
        try (RemoteEngine remote = connect(viewer);
             EmbeddedConnection local = new EmbeddedConnection(engine, new org.dang.engine.access.User("x", Role.VIEWER,
                     "test"))) {
            assertEquals("vic.viewer", remote.user().name());
            assertEquals(Role.VIEWER, remote.user().role(), "the role comes from the token");
            assertEquals(local.tags().definitions(), remote.tags().definitions(), "units, ranges and limits");
            assertEquals(local.tags().latest("tube_metal_temp"), remote.tags().latest("tube_metal_temp"));
            assertTrue(local.tags().anomalies().orElseThrow().trained(), "a month is enough to learn normal operation");
            assertEquals(local.tags().anomalies(), remote.tags().anomalies(), "the multivariate monitor's view");

            DecisionQuery q = DecisionQuery.latest(20).withText("tube_metal_temp");
            DecisionPage mine = local.decisions().page(q);
            DecisionPage theirs = remote.decisions().page(q);
            assertEquals(mine.total(), theirs.total());
            assertFalse(theirs.items().isEmpty());
            for (int i = 0; i < mine.items().size(); i++) {
                StoredDecision a = mine.items().get(i);
                StoredDecision b = theirs.items().get(i);
                assertEquals(a.seq(), b.seq());
                assertEquals(a.hash(), b.hash());
                assertEquals(a.decision().rationale(), b.decision().rationale());
                assertEquals(a.decision().triggers(), b.decision().triggers());
                assertEquals(a.decision().priority(), b.decision().priority());
                assertEquals(a.outcome().map(o -> o.status()), b.outcome().map(o -> o.status()));
            }
            StoredDecision first = theirs.items().getFirst();
            assertEquals(local.decisions().situationJson(first.situationHash()).map(RemoteEngineTest::tree),
                    remote.decisions().situationJson(first.situationHash()).map(RemoteEngineTest::tree));
            assertEquals(Optional.empty(), remote.decisions().situationJson("0".repeat(64)));

            AlarmSnapshot alarms = remote.alarms().orElseThrow().snapshot();
            AlarmSnapshot board = local.alarms().orElseThrow().snapshot();
            assertEquals(board.alarms().stream().map(AlarmRecord::id).toList(),
                    alarms.alarms().stream().map(AlarmRecord::id).toList());
            assertEquals(board.annunciated(), alarms.annunciated());

            assertEquals(local.activity().recent(5), remote.activity().recent(5));
            assertEquals(local.activity().active().size(), remote.activity().active().size());
            assertFalse(remote.proposals().available(), "a replayed history takes no setpoint moves");
            assertTrue(remote.proposals().unavailableReason().contains("setpoint"), remote.proposals().unavailableReason());
            assertTrue(local.advisor().unavailable().isPresent(), "no model is configured");
            assertEquals(local.advisor().unavailable(), remote.advisor().unavailable(), "the engine's own reason");
            assertEquals(List.of(), remote.advisor().pending());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return org.dang.engine.json.Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trendHistoryIsReducedButKeepsTheExtremes() {
        try (RemoteEngine remote = connect(viewer)) {
            TagSeries all = engine.plant().tags().series("tube_metal_temp", null, null);
            TagSeries shown = remote.tags().series("tube_metal_temp", null, null);
            assertTrue(all.size() > RemoteTags.TREND_POINTS, "the month has more samples than a trend draws");
            assertTrue(shown.size() <= RemoteTags.TREND_POINTS && shown.size() > RemoteTags.TREND_POINTS / 2,
                    "reduced to the trend's points: " + shown.size());
            double max = java.util.Arrays.stream(all.values()).filter(v -> !Double.isNaN(v)).max().orElseThrow();
            double min = java.util.Arrays.stream(all.values()).filter(v -> !Double.isNaN(v)).min().orElseThrow();
            assertEquals(max, java.util.Arrays.stream(shown.values()).filter(v -> !Double.isNaN(v)).max().orElseThrow());
            assertEquals(min, java.util.Arrays.stream(shown.values()).filter(v -> !Double.isNaN(v)).min().orElseThrow());
            for (int i = 1; i < shown.size(); i++) {
                assertTrue(shown.epochMillis()[i] > shown.epochMillis()[i - 1], "time order kept");
            }
            java.time.Instant to = all.time(all.size() - 1);
            TagSeries day = remote.tags().series("tube_metal_temp", to.minus(Duration.ofHours(2)), to);
            assertEquals(engine.plant().tags().series("tube_metal_temp", to.minus(Duration.ofHours(2)), to).size(),
                    day.size(), "two hours of minute data are sent whole");
        }
    }

    @Test
    void aViewerIsRefusedAndAnOperatorAcknowledgesWithAnAuditRow() throws Exception {
        AlarmRecord waiting = engine.alarms().orElseThrow().snapshot().alarms().stream()
                .filter(a -> a.state().name().startsWith("UNACK")).findFirst().orElseThrow();
        try (RemoteEngine asViewer = connect(viewer); RemoteEngine asOperator = connect(operator)) {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> asViewer.alarms().orElseThrow().acknowledge(waiting.id()));
            assertTrue(denied.getMessage().contains("operator"), denied.getMessage());
            assertTrue(asOperator.alarms().orElseThrow().acknowledge(waiting.id()));
            assertTrue(engine.alarms().orElseThrow().alarm(waiting.id()).orElseThrow().acknowledgedBy()
                    .equals("op.lee"));
            waitFor(() -> engine.store().auditTrail(200).stream().anyMatch(e -> e.actor().equals("op.lee")
                    && e.target().contains(waiting.id()) && e.result().equals("OK")), 10);
            assertThrows(AccessDeniedException.class, () -> asOperator.alarms().orElseThrow()
                    .shelve(waiting.id(), "transmitter swap", Duration.ofMinutes(30)), "shelving is for engineers");
        }
    }

    @Test
    void liveEventsArriveAndAStoppedServerIsReportedThenReconnected() throws Exception {
        // A second server on the same engine, so stopping it leaves the other tests alone.
        ApiServer second = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), ModuleRequests.standard());
        int port = second.port();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        AtomicInteger alarmEvents = new AtomicInteger();
        org.dang.engine.access.User kim = new org.dang.engine.access.User("eng.kim", Role.ENGINEER, "test");
        try (RemoteEngine remote = RemoteEngine.connect(new RemoteSettings(second.uri(), operator, Optional.empty(),
                Optional.empty()))) {
            remote.watchState(states::add);
            remote.alarms().orElseThrow().watch(alarmEvents::incrementAndGet);
            waitFor(() -> remote.state().connected(), 10);
            int before = alarmEvents.get();
            String id = engine.alarms().orElseThrow().snapshot().alarms().getLast().id();
            engine.alarms().orElseThrow().shelve(id, kim, "remote console test", Duration.ofMinutes(5));
            engine.alarms().orElseThrow().unshelve(id, kim);
            waitFor(() -> alarmEvents.get() > before && remote.state().lastEvent() != null, 10);
            second.close();
            waitFor(() -> !remote.state().connected(), 10);
            assertTrue(remote.state().detail().contains("cannot reach") || remote.state().detail().contains("ended"),
                    remote.state().detail());
            RemoteEngineException down = assertThrows(RemoteEngineException.class,
                    () -> remote.alarms().orElseThrow().snapshot());
            assertTrue(down.getMessage().contains("cannot reach the engine at http://127.0.0.1:" + port), down.getMessage());
            // The same port again: the stream comes back by itself.
            ApiServer again = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", port)
                    .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), ModuleRequests.standard());
            try {
                waitFor(() -> remote.state().connected(), 30);
                assertFalse(remote.alarms().orElseThrow().snapshot().alarms().isEmpty(), "requests work again");
            } finally {
                again.close();
            }
        }
        assertTrue(states.stream().anyMatch(s -> !s.connected()) && states.stream().anyMatch(ConnectionState::connected));
    }

    @Test
    void settingsRefuseClearTextToOtherHostsAndMissingTokens() throws Exception {
        assertEquals(URI.create("http://127.0.0.1:8470"), ConsoleConfig.engineUrl("http://127.0.0.1:8470/"));
        assertEquals(URI.create("https://engine.site:8443"), ConsoleConfig.engineUrl("https://engine.site:8443"));
        IllegalArgumentException clear = assertThrows(IllegalArgumentException.class,
                () -> ConsoleConfig.engineUrl("http://10.0.4.20:8470"));
        assertTrue(clear.getMessage().contains("refusing plain http"), clear.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsoleConfig.engineUrl("ftp://engine.site"));
        assertThrows(IllegalArgumentException.class, () -> ConsoleConfig.engineUrl("https://engine.site/api?x=1"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> RemoteSettings.from(
                new ConsoleConfig(Optional.of(server.uri()), Optional.empty(), Optional.empty(), Optional.empty()), null));
        assertTrue(none.getMessage().contains("DANG_ENGINE_TOKEN"), none.getMessage());
        Path tokenFile = Files.writeString(dir.resolve("console.token"), viewer + "\n");
        RemoteSettings s = RemoteSettings.from(new ConsoleConfig(Optional.of(server.uri()), Optional.of(tokenFile),
                Optional.empty(), Optional.empty()), null);
        assertFalse(s.toString().contains(viewer), "the token never shows in logs");
        RemoteEngineException refused = assertThrows(RemoteEngineException.class, () -> connect("not-a-token"));
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().contains("refused this console's token"), refused.getMessage());
        RemoteEngineException nobody = assertThrows(RemoteEngineException.class, () -> RemoteEngine.connect(
                new RemoteSettings(URI.create("http://127.0.0.1:1"), viewer, Optional.empty(), Optional.empty())));
        assertTrue(nobody.getMessage().contains("connection refused"), nobody.getMessage());
    }

    @Test
    void tlsWithTheSitesTruststoreWorksAndWithoutItTheErrorSaysWhatToSet() throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dang", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "site-pw", "-keypass", "site-pw")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        // The site's truststore: only the server's certificate, exported and imported as a trusted entry.
        Path cert = dir.resolve("server.cer");
        Path trust = dir.resolve("site-trust.p12");
        for (String[] args : new String[][] {
                {"-exportcert", "-alias", "dang", "-keystore", ks.toString(), "-storepass", "site-pw", "-file",
                        cert.toString()},
                {"-importcert", "-noprompt", "-alias", "engine", "-file", cert.toString(), "-keystore",
                        trust.toString(), "-storetype", "PKCS12", "-storepass", "trust-pw"}}) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
            cmd.addAll(java.util.List.of(args));
            Process k = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String o = new String(k.getInputStream().readAllBytes());
            assertEquals(0, k.waitFor(), o);
        }
        Path pw = Files.writeString(dir.resolve("keystore.pw"), "site-pw\n");
        Path trustPw = Files.writeString(dir.resolve("trust.pw"), "trust-pw\n");
        ApiServer https = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), new ServerConfig.TlsConfig(Optional.of(ks), Optional.of(pw))),
                ModuleRequests.standard());
        try {
            assertTrue(https.uri().toString().startsWith("https://"), https.uri().toString());
            try (RemoteEngine remote = RemoteEngine.connect(new RemoteSettings(https.uri(), viewer, Optional.of(trust),
                    Optional.of(trustPw)))) {
                assertEquals("vic.viewer", remote.user().name());
                assertFalse(remote.tags().definitions().isEmpty());
                waitFor(() -> remote.state().connected(), 10);
            }
            RemoteEngineException untrusted = assertThrows(RemoteEngineException.class, () -> RemoteEngine.connect(
                    new RemoteSettings(https.uri(), viewer, Optional.empty(), Optional.empty())));
            assertTrue(untrusted.getMessage().contains("console.truststore"), untrusted.getMessage());
            IllegalArgumentException wrongPw = assertThrows(IllegalArgumentException.class, () -> RemoteEngine.connect(
                    new RemoteSettings(https.uri(), viewer, Optional.of(trust), Optional.of(pw))));
            assertTrue(wrongPw.getMessage().contains("cannot use console.truststore"), wrongPw.getMessage());
        } finally {
            https.close();
        }
    }
}
