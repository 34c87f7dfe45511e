package org.dang.engine.advisor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ChatTimings;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.TokenUsage;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/**
 * Re-runs a recorded decision from its stored situation and, for a model-assisted one, the recorded
 * model output (no model is asked): the rules, the prompt (its hash must match), the validation and
 * the merge run again, and the result must equal what was recorded.
 */
public final class AdviceReplay {

    private final DecisionStore store;
    private final DecisionEngine rules;
    private final AdviceLog log;
    private final AdviceJudge judge;
    private final AdviceSchema schema = AdviceSchema.standard();

    /** Replays from {@code store} with the given rules (their configuration must be the recording one). */
    public AdviceReplay(DecisionStore store, DecisionEngine rules) {
        this.store = store;
        this.rules = rules;
        this.log = new AdviceLog(store);
        this.judge = new AdviceJudge(rules, schema);
    }

    /**
     * The outcome of a replay.
     *
     * @param recorded    the decision as stored
     * @param replayed    the replayed decision that corresponds to it (same signature, else same module)
     * @param advice      the recorded advice; empty when the rules decided alone
     * @param promptHash  the hash of the rebuilt prompt (empty without advice)
     * @param differences what differs; empty when the replay reproduced the record
     */
    public record Result(StoredDecision recorded, Decision replayed, Optional<Advice> advice, Optional<String> promptHash,
                         List<String> differences) {
        /** Whether the replay reproduced the recorded decision(s). */
        public boolean same() {
            return differences.isEmpty();
        }
    }

    /**
     * Replays decision {@code id}.
     *
     * @throws IllegalArgumentException when the store has no such decision or lacks its situation
     */
    public Result replay(UUID id) {
        StoredDecision recorded = store.find(id).orElseThrow(() -> new IllegalArgumentException(
                "no decision " + id + " in the store " + store.path() + ".mv.db"));
        String body = store.situationJson(recorded.situationHash()).orElseThrow(() -> new IllegalArgumentException(
                "the store lacks situation " + recorded.situationHash() + " that decision " + id + " was made from"));
        Situation situation = SituationReader.parse(body, "stored situation " + recorded.situationHash());
        List<Decision> ruleDecisions = rules.decide(situation);
        Optional<AdviceLog.Logged> logged = log.find(id);
        List<String> differences = new ArrayList<>();
        List<Decision> replayed;
        List<Decision> expected;
        Optional<String> promptHash = Optional.empty();
        if (logged.isEmpty()) {
            replayed = ruleDecisions;
            expected = List.of(recorded.decision());
        } else {
            Advice a = logged.get().advice();
            String prompt = AdvisorPrompt.load(a.promptVersion()).fill(PlantSummary.dataBlock(situation, ruleDecisions,
                    a.recent(), a.askedBecause(), a.operatorText()), schema.text());
            promptHash = Optional.of(AdvisorPrompt.hash(prompt));
            if (!promptHash.get().equals(a.promptHash())) {
                differences.add("prompt hash " + promptHash.get() + " differs from the recorded " + a.promptHash());
            }
            Verdict verdict = judge.judge(situation, ruleDecisions, recordedReply(a),
                    DecisionAdvisor.operatorAsked(a.askedBecause()));
            if (!verdict.overrule().map(o -> o.reason()).equals(a.verdict().overrule().map(o -> o.reason()))) {
                differences.add("overrule " + verdict.overrule().map(Overrule::describe).orElse("none")
                        + " differs from the recorded " + a.verdict().overrule().map(Overrule::describe).orElse("none"));
            }
            replayed = judge.merge(situation, ruleDecisions, verdict, a.reasoning(), Instant.now(), a.latency(),
                    DecisionAdvisor.operatorAsked(a.askedBecause()));
            expected = new ArrayList<>();
            for (UUID d : logged.get().decisionIds()) {
                store.find(d).ifPresentOrElse(s -> expected.add(s.decision()),
                        () -> differences.add("decision " + d + " of this cycle is missing from the store"));
            }
            List<Map<String, Object>> want = expected.stream().map(AdviceJudge::signature).sorted(BY_TEXT).toList();
            List<Map<String, Object>> got = replayed.stream().map(AdviceJudge::signature).sorted(BY_TEXT).toList();
            // The live engine records a cycle's urgent decisions at once and links the advice to the part that
            // waited for the model (or, when nothing waited, to the urgent ones): that part must match instead.
            List<Decision> held = UrgentDecisions.heldPart(replayed, ruleDecisions);
            List<Decision> live = held.isEmpty() ? UrgentDecisions.urgent(ruleDecisions) : held;
            List<Map<String, Object>> gotLive = live.stream().map(AdviceJudge::signature).sorted(BY_TEXT).toList();
            if (!want.equals(got) && want.equals(gotLive)) {
                replayed = live;
            }
            if (!want.equals(got) && !want.equals(gotLive)) {
                differences.add("replayed decisions " + got + " differ from the recorded " + want);
            }
        }
        Map<String, Object> sig = AdviceJudge.signature(recorded.decision());
        List<Decision> candidates = replayed;
        Decision match = candidates.stream().filter(d -> AdviceJudge.signature(d).equals(sig)).findFirst()
                .or(() -> candidates.stream().filter(d -> d.module() == recorded.decision().module()).findFirst())
                .orElse(candidates.getFirst());
        if (!AdviceJudge.signature(match).equals(sig)) {
            differences.add("replayed " + AdviceJudge.signature(match) + " differs from the recorded " + sig);
        }
        return new Result(recorded, match, logged.map(AdviceLog.Logged::advice), promptHash, differences);
    }

    private static final java.util.Comparator<Map<String, Object>> BY_TEXT =
            java.util.Comparator.comparing(Object::toString);

    private static ModelReply recordedReply(Advice a) {
        if (Advice.TIMEOUT.equals(a.finish())) {
            return ModelReply.timedOut(a.latency());
        }
        FinishReason finish = FinishReason.valueOf(a.finish());
        Optional<String> error = a.verdict().overrule().filter(o -> o.reason() == OverruleReason.MODEL_UNAVAILABLE)
                .map(Overrule::detail);
        return new ModelReply(Optional.of(new ChatResult(a.rawOutput(), a.reasoning(), finish, error, TokenUsage.none(),
                new ChatTimings(Optional.empty(), a.latency(), 0), Optional.of(a.model()))), a.latency());
    }

    /** A decision's fields in replay's comparison form, for printing. */
    public static Map<String, Object> describe(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>(AdviceJudge.signature(d));
        m.put("rationale", d.rationale());
        return m;
    }
}
