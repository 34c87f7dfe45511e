package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.dang.engine.cli.ReplayCommand;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.DecisionEngineConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/** Advice goes into the store, reads back whole, and replays to the same decisions from the recorded output. */
class AdviceReplayTest {

    @TempDir
    Path dir;

    private final DecisionEngine rules = new DecisionEngine(DangConfig.defaults(), InstantSource.system());

    private List<StoredDecision> record(DecisionStore store, RecordedChatModel model, Situation s, List<Decision> recent) {
        AdvisedDecisions out = new DecisionAdvisor(rules, model, Duration.ofMillis(200), InstantSource.system())
                .decide(s, recent);
        return new AdviceLog(store).record(s, out);
    }

    @Test
    void adviceReadsBackWithEveryField() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("d"))) {
            RecordedChatModel model = RecordedChatModel.answering(DecisionAdvisorTest.REASONING,
                    DecisionAdvisorTest.answer("INVOKE", "\"optimization\"", "{\"objective\":\"product_slate\"}", 0.9));
            List<StoredDecision> stored = record(store, model, Situations.severalTriggers(), List.of());
            UUID llmId = stored.stream().filter(d -> d.decision().source() == DecisionSource.LLM).findFirst()
                    .orElseThrow().decision().id();
            AdviceLog.Logged logged = new AdviceLog(store).find(llmId).orElseThrow();
            Advice a = logged.advice();
            assertEquals(AdvisorPrompt.hash(model.prompts.getFirst()), a.promptHash());
            assertEquals("recorded", a.model().backend());
            assertEquals("deepseek-r1-distill-qwen-7b", a.model().model());
            assertEquals(DecisionAdvisorTest.REASONING, a.reasoning());
            assertTrue(a.rawOutput().contains("\"product_slate\""));
            assertEquals(java.util.Map.of("objective", "product_slate"), a.verdict().advice().orElseThrow().parameters());
            assertTrue(a.verdict().accepted());
            assertTrue(a.latency().compareTo(Duration.ZERO) >= 0);
            assertEquals(stored.size(), logged.decisionIds().size());
            assertEquals(stored.getFirst().situationHash(), logged.situationHash());
            // The decision itself carries the reasoning too, inside the hash chain.
            assertEquals(DecisionAdvisorTest.REASONING, store.find(llmId).orElseThrow().decision().reasoning());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void acceptedAndOverruledDecisionsReplayTheSame() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("d"))) {
            Decision earlier = rules.decide(Situations.clear()).getFirst();
            List<StoredDecision> accepted = record(store, RecordedChatModel.answering("r",
                    DecisionAdvisorTest.answer("INVOKE", "\"optimization\"", "{}", 0.9)), Situations.severalTriggers(),
                    List.of(earlier));
            List<StoredDecision> lowConfidence = record(store, RecordedChatModel.answering("r",
                    DecisionAdvisorTest.answer("NONE", "null", "{}", 0.3)), Situations.severalTriggers(), List.of());
            List<StoredDecision> timedOut = record(store, RecordedChatModel.silent(), Situations.severalTriggers(),
                    List.of());
            List<StoredDecision> dead = record(store, RecordedChatModel.failing(FinishReason.ERROR, "CUDA out of memory"),
                    Situations.severalTriggers(), List.of());
            List<StoredDecision> safety = record(store, RecordedChatModel.answering("r",
                    DecisionAdvisorTest.answer("INVOKE", "\"forecasting\"", "{}", 0.99)), Situations.safetyAndOperator(),
                    List.of());
            AdviceReplay replay = new AdviceReplay(store, rules);
            for (var cycle : List.of(accepted, lowConfidence, timedOut, dead, safety)) {
                for (StoredDecision d : cycle) {
                    AdviceReplay.Result r = replay.replay(d.decision().id());
                    assertTrue(r.same(), d.decision() + " " + r.differences());
                    assertEquals(AdviceJudge.signature(d.decision()), AdviceJudge.signature(r.replayed()));
                }
            }
        }
    }

    @Test
    void replayNoticesWhenTheRulesChanged() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("d"))) {
            List<StoredDecision> accepted = record(store, RecordedChatModel.answering("r",
                    DecisionAdvisorTest.answer("INVOKE", "\"optimization\"", "{}", 0.9)), Situations.severalTriggers(),
                    List.of());
            var d = DangConfig.defaults();
            var stricter = new DangConfig(d.orchestrator(), d.modules(), new DecisionEngineConfig(0.95,
                    d.decisionEngine().maxRetries(), d.decisionEngine().retryBackoff(), d.decisionEngine().cacheTtl(),
                    d.decisionEngine().rules()), d.store(), d.server());
            AdviceReplay.Result r = new AdviceReplay(store, new DecisionEngine(stricter, InstantSource.system()))
                    .replay(accepted.getFirst().decision().id());
            assertFalse(r.same());
            assertTrue(r.differences().stream().anyMatch(x -> x.contains("LOW_CONFIDENCE")), r.differences().toString());
        }
    }

    @Test
    void rulesOnlyDecisionReplaysAndUnknownIdIsNamed() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("d"))) {
            Situation s = Situations.clear();
            StoredDecision d = store.record(s, rules.decide(s)).getFirst();
            AdviceReplay replay = new AdviceReplay(store, rules);
            AdviceReplay.Result r = replay.replay(d.decision().id());
            assertTrue(r.same(), r.differences().toString());
            assertTrue(r.advice().isEmpty());
            UUID missing = UUID.randomUUID();
            var e = assertThrows(IllegalArgumentException.class, () -> replay.replay(missing));
            assertTrue(e.getMessage().contains("no decision " + missing), e.getMessage());
        }
    }

    @Test
    void replayCommandPrintsTheDecisionAndTheSummary() {
        Path db = dir.resolve("cli");
        UUID id;
        try (DecisionStore store = DecisionStore.open(db)) {
            id = record(store, RecordedChatModel.answering("r",
                    DecisionAdvisorTest.answer("NONE", "null", "{}", 0.2)), Situations.severalTriggers(), List.of())
                    .getFirst().decision().id();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReplayCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--store", db.toString(), id.toString());
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(0, code, out + " " + err);
        assertTrue(lines[0].startsWith("recorded {"), lines[0]);
        assertTrue(lines[1].contains("\"source\":\"LLM_OVERRULED\""), lines[1]);
        assertTrue(out.toString().contains("verdict overruled LOW_CONFIDENCE"), out.toString());
        assertEquals("SUMMARY replayed=" + id + " same=true", lines[lines.length - 1]);

        StringWriter out2 = new StringWriter();
        cl.setOut(new PrintWriter(out2));
        UUID unknown = UUID.randomUUID();
        assertEquals(2, cl.execute("--store", db.toString(), unknown.toString()));
        assertTrue(out2.toString().strip().endsWith("SUMMARY replayed=" + unknown + " same=false"));
        assertEquals(2, cl.execute("--store", db.toString(), "not-a-uuid"));
    }
}
