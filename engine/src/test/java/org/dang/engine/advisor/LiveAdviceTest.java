package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Decided;
import org.dang.engine.Engine;
import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.AdvisorConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.module.ModuleName;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;
import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/**
 * The advisor in the live engine: {@code Engine.decide} never waits for the model; the question is
 * pending (with the reasoning streaming in) until the answer or the deadline; the merged decisions land
 * in the store with their advice. The model is a loopback OpenAI-compatible server speaking the real
 * streaming format, held back by latches the test releases (no timed assertions).
 */
class LiveAdviceTest {

    @TempDir
    Path dir;

    private ScriptedOpenAiServer server;
    private Engine engine;
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<List<StoredDecision>> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() {
        gates.forEach(CountDownLatch::countDown);
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    /** An engine whose model is built before the first decision, as a console's or server's is by then. */
    private Engine open(Duration deadline, int maxPending) {
        openBeforeTheModelIsBuilt(deadline, maxPending).llm();
        return engine;
    }

    private Engine openBeforeTheModelIsBuilt(Duration deadline, int maxPending) {
        DangConfig d = DangConfig.defaults();
        DangConfig c = new DangConfig(new OrchestratorConfig(d.orchestrator().llm().withOpenai(new OpenAiBackendConfig(
                Optional.of(server.url()), Optional.of("deepseek-r1-distill-qwen-7b"), Optional.empty(),
                Duration.ofSeconds(60)))), d.modules(), d.decisionEngine(), d.store(), d.server(),
                new AdvisorConfig(true, deadline, maxPending)).withStore(dir.resolve("decisions"));
        engine = Engine.open(c);
        engine.addDecisionListener(delivered::add);
        engine.addAdviceListener(new AdviceListener() {
            @Override
            public void asked(PendingAdvice request) {
                events.add("asked " + request.id());
            }

            @Override
            public void streamed(UUID requestId) {
                events.add("streamed " + requestId);
            }

            @Override
            public void answered(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
                events.add("answered " + request.id());
            }

            @Override
            public void overruled(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
                events.add("overruled " + request.id() + " " + advice.verdict().overrule().orElseThrow().reason());
            }
        });
        return engine;
    }

    /** A reply that streams its reasoning, then waits for {@code gate} before the answer. */
    private ScriptedOpenAiServer.Reply heldReply(CountDownLatch gate, String answer) {
        gates.add(gate);
        List<String> all = ScriptedOpenAiServer.r1Reply(List.of("The margin moved ", "and the furnace ", "is low."),
                List.of(answer), 900);
        int split = 4; // role + three reasoning tokens
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String e : all.subList(0, split)) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            gate.await();
            for (String e : all.subList(split, all.size())) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    /** A reply that never comes (until the test ends). */
    private ScriptedOpenAiServer.Reply neverReply() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return ex -> gate.await();
    }

    private String next(String prefix) throws InterruptedException {
        while (true) {
            String e = events.poll(30, TimeUnit.SECONDS);
            assertTrue(e != null, "no '" + prefix + "' event within 30 s");
            if (e.startsWith(prefix)) {
                return e;
            }
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what + " not reached in 30 s");
            Thread.sleep(10);
        }
    }

    private static String answer(String action, String module, String parameters, double confidence) {
        return DecisionAdvisorTest.answer(action, module, parameters, confidence);
    }

    @Test
    void decideReturnsWhileTheModelThinksAndTheAnswerLandsWithItsAdvice() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.then(heldReply(gate, answer("INVOKE", "\"optimization\"", "{\"objective\":\"product_slate\"}", 0.92)));
        open(Duration.ofMinutes(5), 4);

        Decided decided = engine.decideWithAdvice(Situations.severalTriggers());

        // The model cannot have answered: its answer is behind a gate only this test opens, later.
        assertEquals(1, gate.getCount());
        PendingAdvice p = decided.pending().orElseThrow();
        assertEquals(List.of(), decided.recorded(), "no alert or safety work: everything waits for the model");
        assertEquals("several", p.situationId());
        assertEquals(PendingAdvice.RULES, p.askedBy());
        assertTrue(p.askedBecause().getFirst().startsWith("SEVERAL_TRIGGERS"), p.askedBecause().toString());
        assertEquals(p.askedAt().plus(Duration.ofMinutes(5)), p.deadline());
        assertEquals(List.of(ModuleName.OPTIMIZATION, ModuleName.ANALYSIS), p.held().stream().map(d -> d.module()).toList());
        assertEquals(List.of(p.id()), engine.pendingAdvice().stream().map(PendingAdvice::id).toList());
        assertEquals(0, engine.store().count());
        // The reasoning streams into the pending question.
        waitFor(() -> engine.pendingAdvice().getFirst().reasoning().contains("the furnace is low"), "streamed reasoning");

        gate.countDown();
        assertEquals("answered " + p.id(), next("answered"));
        assertEquals(List.of(), engine.pendingAdvice());
        List<StoredDecision> cycle = delivered.getLast();
        StoredDecision llm = cycle.stream().filter(s -> s.decision().source() == DecisionSource.LLM).findFirst()
                .orElseThrow();
        assertEquals(ModuleName.OPTIMIZATION, llm.decision().module());
        assertEquals(Map.of("objective", "product_slate"), llm.decision().parameters());
        assertTrue(llm.decision().reasoning().contains("the furnace is low"), llm.decision().reasoning());
        AdviceLog.Logged logged = new AdviceLog(engine.store()).find(llm.decision().id()).orElseThrow();
        assertEquals(p.id(), logged.advice().id(), "the advice is recorded under the pending question's id");
        assertTrue(logged.advice().verdict().accepted());
        assertEquals(cycle.stream().map(s -> s.decision().id()).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.copyOf(logged.decisionIds()));
        // Replay reproduces it from the store.
        assertTrue(new AdviceReplay(engine.store(), new org.dang.engine.decision.DecisionEngine(engine.config(),
                java.time.InstantSource.system())).replay(llm.decision().id()).same());
    }

    @Test
    void whileTheModelIsStillBeingBuiltTheRulesDecideAloneAndTheDecidingThreadDoesNotWait() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.then(heldReply(gate, answer("INVOKE", "\"optimization\"", "{\"objective\":\"product_slate\"}", 0.92)));
        openBeforeTheModelIsBuilt(Duration.ofMinutes(5), 4);

        // The first decision starts building the model on another thread and does not wait for it.
        Decided first = engine.decideWithAdvice(Situations.severalTriggers());
        assertTrue(first.pending().isEmpty());
        assertEquals(List.of(DecisionSource.RULES, DecisionSource.RULES),
                first.recorded().stream().map(r -> r.decision().source()).toList());

        assertTrue(engine.advisorUnavailable().isEmpty(), "the model is built now");
        Decided second = engine.decideWithAdvice(Situations.severalTriggers());
        assertTrue(second.pending().isPresent(), "once built, the advisor is asked");
        gate.countDown();
    }

    @Test
    void theDeadlineLetsTheRulesDecideAndRecordsTimeout() throws Exception {
        server.then(neverReply());
        open(Duration.ofSeconds(1), 4);
        Decided decided = engine.decideWithAdvice(Situations.severalTriggers());
        UUID id = decided.pending().orElseThrow().id();
        assertEquals("overruled " + id + " TIMEOUT", next("overruled"));
        List<StoredDecision> cycle = delivered.getLast();
        assertEquals(List.of("INVOKE OPTIMIZATION", "INVOKE ANALYSIS"),
                cycle.stream().map(s -> s.decision().action() + " " + s.decision().module()).toList());
        for (StoredDecision s : cycle) {
            assertEquals(DecisionSource.LLM_OVERRULED, s.decision().source());
            assertTrue(s.decision().rationale().contains("model overruled (TIMEOUT: no reply within 1.0 s)"),
                    s.decision().rationale());
        }
        Advice a = new AdviceLog(engine.store()).find(cycle.getFirst().decision().id()).orElseThrow().advice();
        assertEquals(Advice.TIMEOUT, a.finish());
        assertEquals(id, a.id());
    }

    @Test
    void alertsAndSafetyWorkAreRecordedAtOnceAndTheModelsSafetyRunIsNotStartedTwice() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.then(heldReply(gate, answer("INVOKE", "\"optimization\"", "{\"constraints\":\"tightened\"}", 0.9)));
        open(Duration.ofMinutes(5), 4);

        Decided decided = engine.decideWithAdvice(Situations.safetyAndOperator());

        assertEquals(1, gate.getCount());
        assertEquals(List.of("ALERT RULES", "INVOKE RULES"), decided.recorded().stream()
                .map(s -> s.decision().action() + " " + s.decision().source()).toList());
        StoredDecision safety = decided.recorded().get(1);
        assertEquals(ModuleName.OPTIMIZATION, safety.decision().module());
        PendingAdvice p = decided.pending().orElseThrow();
        assertTrue(p.askedBecause().stream().anyMatch(r -> r.startsWith("CONFLICTING_PRIORITIES")), p.askedBecause().toString());
        assertEquals(List.of(ModuleName.FORECASTING), p.held().stream().map(d -> d.module()).toList());

        gate.countDown();
        next("answered");
        List<StoredDecision> cycle = delivered.getLast();
        assertEquals(List.of("INVOKE FORECASTING RULES", "INVOKE OPTIMIZATION LLM"), cycle.stream()
                .map(s -> s.decision().action() + " " + s.decision().module() + " " + s.decision().source()).sorted()
                .toList());
        UUID model = cycle.stream().filter(s -> s.decision().source() == DecisionSource.LLM).findFirst().orElseThrow()
                .decision().id();
        assertTrue(new AdviceReplay(engine.store(), new org.dang.engine.decision.DecisionEngine(engine.config(),
                java.time.InstantSource.system())).replay(model).same());
        Path store = engine.store().path();
        engine.close();
        engine = null;
        try (DecisionStore reopened = DecisionStore.open(store)) {
            var outcome = reopened.find(model).orElseThrow().outcome().orElseThrow();
            assertEquals(OutcomeStatus.SUPERSEDED, outcome.status());
            assertTrue(outcome.detail().contains(safety.decision().id().toString()), outcome.detail());
        }
    }

    @Test
    void whenOnlyUrgentDecisionsExistTheAdviceExplainsThemAndReplays() throws Exception {
        // Equipment trouble that degrades performance while the furnace is 5 % under baseline: one SAFETY
        // optimisation resting on two trigger kinds, plus the alert; nothing else to hold.
        CountDownLatch gate = new CountDownLatch(1);
        server.then(heldReply(gate, answer("NONE", "null", "{}", 0.5)));
        open(Duration.ofMinutes(5), 4);
        Decided decided = engine.decideWithAdvice(Situations.parse("""
                {"id":"safety-kpi","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "events":[{"kind":"EQUIPMENT","source":"pump P-101 vibration","severity":"HIGH",
                            "description":"vibration 11 mm/s","tags":["feed_rate"],"degrades_performance":true}],
                 "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}]}"""
                .formatted(Situations.tags("\"value\":3.0"))));
        PendingAdvice p = decided.pending().orElseThrow();
        assertEquals(List.of(), p.held());
        assertTrue(decided.recorded().stream().allMatch(s -> UrgentDecisions.cannotWait(s.decision())));

        gate.countDown();
        assertEquals("overruled " + p.id() + " LOW_CONFIDENCE", next("overruled"));
        AdviceLog.Logged logged = new AdviceLog(engine.store()).find(decided.recorded().getLast().decision().id())
                .orElseThrow();
        assertEquals(p.id(), logged.advice().id());
        assertEquals(decided.recorded().size(), logged.decisionIds().size());
        assertTrue(new AdviceReplay(engine.store(), new org.dang.engine.decision.DecisionEngine(engine.config(),
                java.time.InstantSource.system())).replay(decided.recorded().getLast().decision().id()).same());
    }

    @Test
    void closingTheEngineCutsPendingQuestionsShortAndLosesNothing() throws Exception {
        server.then(neverReply());
        open(Duration.ofMinutes(5), 4);
        Path store = engine.store().path();
        UUID id = engine.decideWithAdvice(Situations.severalTriggers()).pending().orElseThrow().id();
        next("asked");

        engine.close();
        engine = null;

        assertEquals("overruled " + id + " MODEL_UNAVAILABLE", next("overruled"));
        try (DecisionStore reopened = DecisionStore.open(store)) {
            List<StoredDecision> all = reopened.query(DecisionQuery.latest(10)).items();
            assertEquals(2, all.size());
            for (StoredDecision s : all) {
                assertEquals(DecisionSource.LLM_OVERRULED, s.decision().source());
                assertTrue(s.decision().rationale().contains(AdviceDesk.SHUTDOWN), s.decision().rationale());
                assertEquals(OutcomeStatus.CANCELLED, s.outcome().orElseThrow().status());
                assertEquals(id, reopened.adviceFor(s.decision().id()).orElseThrow().id());
            }
            assertTrue(reopened.verify().intact());
        }
    }

    @Test
    void aFullDeskLetsTheRulesDecideAloneAndSaysWhy() throws Exception {
        server.then(neverReply());
        open(Duration.ofMinutes(5), 1);
        assertTrue(engine.decideWithAdvice(Situations.severalTriggers()).pending().isPresent());

        Decided second = engine.decideWithAdvice(Situations.severalTriggers());

        assertTrue(second.pending().isEmpty());
        assertEquals(2, second.recorded().size());
        for (StoredDecision s : second.recorded()) {
            assertEquals(DecisionSource.RULES, s.decision().source());
            assertTrue(s.decision().rationale().contains("advisor not asked: 1 questions are already waiting for the"
                    + " model (advisor.max_pending 1)"), s.decision().rationale());
        }
        assertEquals(1, engine.pendingAdvice().size());
    }

    @Test
    void withoutAModelDecideIsTodaysPath() {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        Decided d = engine.decideWithAdvice(Situations.severalTriggers());
        assertTrue(d.pending().isEmpty());
        assertEquals(2, d.recorded().size());
        assertTrue(d.recorded().stream().allMatch(s -> s.decision().source() == DecisionSource.RULES));
        assertTrue(engine.advisorUnavailable().orElseThrow().contains("No language model is configured"));
        assertThrows(IllegalStateException.class, () -> engine.consultAdvisor(
                new User("op.lee", Role.OPERATOR, "test"), "Should we run the optimiser?"));
    }

    @Test
    void operatorsConsultTheLiveUnitAuditedAndViewersAreRefused() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.then(heldReply(gate, answer("NONE", "null", "{}", 0.9)));
        open(Duration.ofMinutes(5), 4);
        User op = new User("op.lee", Role.OPERATOR, "console");
        User viewer = new User("vic.viewer", Role.VIEWER, "console");

        IllegalStateException noData = assertThrows(IllegalStateException.class,
                () -> engine.consultAdvisor(op, "Is the column stable?"));
        assertTrue(noData.getMessage().contains("no live plant data"), noData.getMessage());
        CountDownLatch scanned = new CountDownLatch(1);
        engine.attach(new OneTag(scanned));
        assertTrue(scanned.await(30, TimeUnit.SECONDS));
        waitFor(() -> engine.plant().scanCount() >= 2, "two scans through the quality monitor (it keeps one back)");

        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> engine.consultAdvisor(viewer, "Run the optimiser"));
        assertTrue(denied.getMessage().contains("ask the decision advisor"), denied.getMessage());
        PendingAdvice p = engine.consultAdvisor(op, "Is the column stable enough to push feed?");

        assertEquals(1, gate.getCount());
        assertEquals("op.lee", p.askedBy());
        assertEquals("Is the column stable enough to push feed?", p.operatorText());
        assertTrue(p.situationId().endsWith("-asked"), p.situationId());
        assertTrue(p.askedBecause().getFirst().startsWith("OPERATOR_REQUEST"));
        waitFor(() -> !server.received().isEmpty(), "the question at the model");
        assertTrue(server.received().getFirst().body().toString().contains("Is the column stable enough to push feed?"));
        gate.countDown();
        next("answered");
        List<AuditEvent> audit = engine.store().auditTrail(20);
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("vic.viewer") && e.action().equals("ask_advisor")
                && e.result().equals("DENIED")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("op.lee") && e.action().equals("ask_advisor")
                && e.result().equals("OK") && e.detail().contains(p.id().toString())), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("op.lee") && e.action().equals("ask_advisor")
                && e.result().equals("FAILED") && e.detail().contains("no live plant data")), audit.toString());
        StoredDecision d = delivered.getLast().getFirst();
        assertEquals("Is the column stable enough to push feed?",
                engine.store().adviceFor(d.decision().id()).orElseThrow().operatorText());
    }

    /** Three one-minute scans of the feed rate. */
    private static final class OneTag implements PlantDataSource {
        private final CountDownLatch scanned;

        OneTag(CountDownLatch scanned) {
            this.scanned = scanned;
        }

        @Override
        public String name() {
            return "one tag";
        }

        @Override
        public List<TagDefinition> tags() {
            return List.of(new TagDefinition("feed_rate", "crude feed", "m3/h", 0, 1000, null));
        }

        @Override
        public void start(PlantDataListener listener) {
            Thread.ofPlatform().name("one-tag").start(() -> {
                Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
                List<PlantScan> scans = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Instant t = t0.plusSeconds(60L * i);
                    scans.add(new PlantScan(t, List.of(new TagSample("feed_rate", t, 500 + i, Quality.GOOD))));
                }
                scans.forEach(listener::scan);
                scanned.countDown();
            });
        }

        @Override
        public void close() {
        }
    }

    @Test
    void pendingFractionFollowsTheClock() {
        Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
        PendingAdvice p = new PendingAdvice(UUID.randomUUID(), "s", List.of(), "", "rules", t0,
                t0.plusSeconds(100), List.of(), "", "");
        assertEquals(0.25, p.elapsedFraction(t0.plusSeconds(25)));
        assertEquals(1.0, p.elapsedFraction(t0.plusSeconds(500)));
        assertFalse(p.operatorAsked());
    }
}
