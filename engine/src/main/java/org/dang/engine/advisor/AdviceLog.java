package org.dang.engine.advisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.json.Json;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoreException;
import org.dang.engine.store.StoredDecision;

/** Writes advised decisions to the decision store and reads their advice back. */
public final class AdviceLog {

    private final DecisionStore store;

    /** Logs into {@code store}. */
    public AdviceLog(DecisionStore store) {
        this.store = store;
    }

    /** Records the decisions (hash-chained, with their situation) and, when the model was asked, the advice. */
    public List<StoredDecision> record(Situation situation, AdvisedDecisions advised) {
        List<StoredDecision> stored = store.record(situation, advised.decisions());
        advised.advice().ifPresent(a -> store.recordAdvice(toRecord(a, stored.getFirst().situationHash(),
                stored.stream().map(s -> s.decision().id()).toList())));
        return stored;
    }

    /**
     * Records advice against decisions already in the store (the live engine's cycle whose held part came
     * to nothing: the advice then explains the decisions recorded at once).
     */
    public void recordAdvice(Advice advice, List<StoredDecision> cycle) {
        if (cycle.isEmpty()) {
            throw new IllegalArgumentException("advice " + advice.id() + " must explain at least one recorded decision");
        }
        store.recordAdvice(toRecord(advice, cycle.getFirst().situationHash(),
                cycle.stream().map(s -> s.decision().id()).toList()));
    }

    /** The advice behind a decision, with the situation hash and the decision ids of its cycle. */
    public Optional<Logged> find(UUID decisionId) {
        return store.adviceFor(decisionId).map(r -> new Logged(fromRecord(r), r.situationHash(), r.decisionIds()));
    }

    /**
     * Advice as read back from the store.
     *
     * @param advice        the advice
     * @param situationHash the stored situation it was about
     * @param decisionIds   the decisions of its cycle
     */
    public record Logged(Advice advice, String situationHash, List<UUID> decisionIds) {
    }

    static AdviceRecord toRecord(Advice a, String situationHash, List<UUID> decisionIds) {
        Verdict v = a.verdict();
        return new AdviceRecord(a.id(), a.askedAt(), situationHash, Json.write(a.askedBecause()), a.operatorText(),
                a.promptVersion(), a.promptHash(), a.model().backend(), a.model().model(), a.finish(), a.reasoning(),
                a.rawOutput(), v.advice().map(AdviceLog::adviceJson).orElse(null),
                v.overrule().map(o -> o.reason().name()).orElse(null),
                v.overrule().map(Overrule::detail).orElse(null), a.latency(), Json.write(a.recent()), decisionIds);
    }

    static Advice fromRecord(AdviceRecord r) {
        Optional<ModelAdvice> parsed = Optional.ofNullable(r.parsedJson()).map(AdviceLog::parseAdvice);
        Optional<Overrule> overrule = Optional.ofNullable(r.overruleReason())
                .map(reason -> new Overrule(OverruleReason.valueOf(reason), r.overruleDetail()));
        return new Advice(r.id(), r.askedAt(), read(r.askedBecause(), new TypeReference<List<String>>() { }),
                r.operatorText(), r.promptVersion(), r.promptHash(), new ModelInfo(r.backend(), r.model(), ""),
                r.finish(), r.reasoning(), r.rawOutput(), new Verdict(parsed, overrule), r.latency(),
                read(r.recentJson(), new TypeReference<List<Map<String, Object>>>() { }));
    }

    private static String adviceJson(ModelAdvice a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", a.action().name());
        m.put("module", a.module() == null ? null : a.module().key());
        m.put("parameters", a.parameters());
        m.put("confidence", a.confidence());
        m.put("rationale", a.rationale());
        return Json.write(m);
    }

    private static ModelAdvice parseAdvice(String json) {
        Map<String, Object> m = read(json, new TypeReference<Map<String, Object>>() { });
        Object module = m.get("module");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) m.get("parameters");
        return new ModelAdvice(DecisionAction.valueOf((String) m.get("action")),
                module == null ? null : ModuleName.fromKey((String) module).orElseThrow(), params,
                ((Number) m.get("confidence")).doubleValue(), (String) m.get("rationale"));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored advice holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
