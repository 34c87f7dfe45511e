package org.dang.engine.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.decision.DecisionIds;
import org.dang.engine.decision.DecisionPriority;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.decision.Trigger;
import org.dang.engine.decision.TriggerKind;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.Situation;

/**
 * Judges a model reply against the schema, the confidence threshold and the safety rules, and
 * merges the outcome with the rules' decisions. Pure: the same situation, rule decisions and reply
 * always give the same decisions (apart from ids and times), which is what replay relies on.
 */
public final class AdviceJudge {

    private static final Comparator<Decision> OUTPUT_ORDER = Comparator
            .comparingInt((Decision d) -> switch (d.action()) {
                case ALERT -> 0;
                case INVOKE -> 1;
                case DEFER -> 2;
                case NONE -> 3;
            })
            .thenComparingInt(d -> d.priority() == null ? Integer.MAX_VALUE : ((Enum<?>) d.priority()).ordinal());

    private final DecisionEngine rules;
    private final AdviceParser parser;
    private final double threshold;

    /** Judges with the rules' configuration ({@code decision_engine.confidence_threshold}) and the shipped schema. */
    public AdviceJudge(DecisionEngine rules, AdviceSchema schema) {
        this.rules = rules;
        this.parser = new AdviceParser(schema);
        this.threshold = rules.config().decisionEngine().confidenceThreshold();
    }

    /** As {@link #judge(Situation, List, ModelReply, boolean)} when no operator asked. */
    public Verdict judge(Situation situation, List<Decision> ruleDecisions, ModelReply reply) {
        return judge(situation, ruleDecisions, reply, false);
    }

    /**
     * Whether the reply's decision stands, and if not, why the rules decide.
     *
     * @param operatorAsked an operator asked (the advisor, or in words only): the model may then start
     *                      work on a module nothing else called for
     */
    public Verdict judge(Situation situation, List<Decision> ruleDecisions, ModelReply reply, boolean operatorAsked) {
        if (reply.result().isEmpty()) {
            return overruled(null, OverruleReason.TIMEOUT, "no reply within " + seconds(reply.latency()));
        }
        ChatResult r = reply.result().get();
        if (!r.finish().answered()) {
            return overruled(null, OverruleReason.MODEL_UNAVAILABLE, "reply ended " + r.finish()
                    + r.error().map(e -> ": " + e).orElse(""));
        }
        ModelAdvice advice;
        try {
            advice = parser.parse(r.answer());
        } catch (AdviceRejectedException e) {
            return new Verdict(Optional.empty(), Optional.of(e.overrule()));
        }
        if (advice.confidence() < threshold) {
            return overruled(advice, OverruleReason.LOW_CONFIDENCE, "confidence " + advice.confidence()
                    + " is below decision_engine.confidence_threshold " + threshold);
        }
        Optional<String> conflict = safetyConflict(situation, ruleDecisions, advice);
        if (conflict.isPresent()) {
            return overruled(advice, OverruleReason.SAFETY_RULE, conflict.get());
        }
        if (!operatorAsked && advice.action() == DecisionAction.INVOKE && advice.module() != null
                && ruleDecisions.stream().noneMatch(d -> d.module() == advice.module())
                && situation.operatorRequests().stream().noneMatch(q -> q.module() == advice.module())) {
            // Plant text is the way in for injected instructions: work that neither the rules nor an
            // operator called for is not started on the model's word alone.
            return overruled(advice, OverruleReason.UNREQUESTED_WORK, "nothing in the situation calls for "
                    + advice.module().key() + " work: no rule proposed it and no operator asked for it");
        }
        return new Verdict(Optional.of(advice), Optional.empty());
    }

    /**
     * The decisions that result: when overruled, the rules' decisions marked {@code LLM_OVERRULED}
     * with the reason; when accepted, the rules' alerts, the rules' work on other modules (with a
     * module-less NONE from the model: their data-quality deferrals), and the model's decision
     * (source {@code LLM}).
     */
    public List<Decision> merge(Situation situation, List<Decision> ruleDecisions, Verdict verdict, String reasoning,
                                Instant time, Duration latency, boolean operatorAsked) {
        if (!verdict.accepted()) {
            Overrule o = verdict.overrule().orElseThrow();
            return ruleDecisions.stream().map(d -> new Decision(DecisionIds.at(time), time, d.situationId(), d.triggers(),
                    d.action(), d.module(), d.priority(), d.parameters(),
                    d.rationale() + "; model overruled (" + o.describe() + ")", reasoning, d.confidence(),
                    DecisionSource.LLM_OVERRULED, latency)).toList();
        }
        ModelAdvice a = verdict.advice().orElseThrow();
        List<Decision> out = new ArrayList<>();
        List<Trigger> replacedTriggers = new ArrayList<>();
        DecisionPriority rulePriority = null;
        for (Decision d : ruleDecisions) {
            // A gated DEFER of the model's own module gives way to the model's DEFER or NONE (an INVOKE of
            // it never gets here: rule 1 overrules it), so one module never ends with two decisions.
            boolean keep = d.action() == DecisionAction.ALERT
                    || (a.module() == null && hasTrigger(d, TriggerKind.DATA_QUALITY))
                    || (a.module() != null && d.module() != a.module() && d.module() != null);
            if (keep) {
                out.add(copy(d, time, latency));
            } else {
                replacedTriggers.addAll(d.triggers());
                if (d.module() == a.module() && rulePriority == null) {
                    rulePriority = d.priority();
                }
            }
        }
        if (operatorAsked) {
            replacedTriggers.add(new Trigger(TriggerKind.OPERATOR_REQUEST, "operator asked the advisor"));
        }
        DecisionPriority priority = a.module() == null ? null
                : rulePriority != null ? rulePriority : defaultPriority(a.module(), operatorAsked);
        out.add(new Decision(DecisionIds.at(time), time, situation.id(), replacedTriggers, a.action(), a.module(), priority,
                a.parameters(), "model: " + a.rationale(), reasoning, a.confidence(), DecisionSource.LLM, latency));
        out.sort(OUTPUT_ORDER);
        return List.copyOf(out);
    }

    /** Rule 2 (safety work stands as the rules set it) and rule 1 (no module runs on bad data). */
    private Optional<String> safetyConflict(Situation s, List<Decision> ruleDecisions, ModelAdvice a) {
        for (Decision d : ruleDecisions) {
            if (d.action() == DecisionAction.INVOKE && d.priority() == WorkPriority.SAFETY) {
                boolean same = a.action() == DecisionAction.INVOKE && a.module() == d.module()
                        && a.parameters().entrySet().containsAll(d.parameters().entrySet());
                if (!same) {
                    return Optional.of("rule 2 requires INVOKE " + d.module().key() + " at SAFETY with "
                            + d.parameters() + "; the model proposed " + a.action()
                            + (a.module() == null ? "" : " " + a.module().key()) + " " + a.parameters());
                }
            }
        }
        if (a.action() == DecisionAction.INVOKE) {
            // Ask the rules as if an operator had requested exactly this: rule 1 and the disabled check apply to it.
            Situation probe = withRequest(s, new OperatorRequest("advisor", a.module(), a.parameters(), "advisor",
                    "model proposal"));
            for (Decision d : rules.decide(probe)) {
                if (d.module() == a.module() && d.action() != DecisionAction.INVOKE && d.action() != DecisionAction.ALERT) {
                    return Optional.of("rule 1 (data quality gate) or configuration refuses INVOKE "
                            + a.module().key() + ": " + d.rationale());
                }
            }
        }
        return Optional.empty();
    }

    private static Situation withRequest(Situation s, OperatorRequest request) {
        List<OperatorRequest> requests = new ArrayList<>(s.operatorRequests());
        requests.add(request);
        return new Situation(s.id(), s.time(), s.description(), s.tags(), s.events(), s.performance(), s.market(),
                s.schedule(), requests, s.modules(), List.of());
    }

    private static WorkPriority defaultPriority(ModuleName m, boolean operatorAsked) {
        if (operatorAsked) {
            return WorkPriority.OPERATOR_REQUEST;
        }
        return switch (m) {
            case OPTIMIZATION -> WorkPriority.OPTIMIZATION;
            case ANALYSIS -> WorkPriority.ANALYSIS;
            case FORECASTING -> WorkPriority.FORECAST_REFRESH;
        };
    }

    private static boolean hasTrigger(Decision d, TriggerKind kind) {
        return d.triggers().stream().anyMatch(t -> t.kind() == kind);
    }

    private static Decision copy(Decision d, Instant time, Duration latency) {
        return new Decision(DecisionIds.at(time), time, d.situationId(), d.triggers(), d.action(), d.module(),
                d.priority(), d.parameters(), d.rationale(), "", d.confidence(), d.source(), latency);
    }

    private static Verdict overruled(ModelAdvice advice, OverruleReason reason, String detail) {
        return new Verdict(Optional.ofNullable(advice), Optional.of(new Overrule(reason, detail)));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    /** What replay compares: everything but id, time, rationale wording and latency. */
    static Map<String, Object> signature(Decision d) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("action", d.action().name());
        m.put("module", d.module() == null ? null : d.module().key());
        m.put("priority", d.priority() == null ? null : d.priority().name());
        m.put("parameters", new java.util.TreeMap<>(d.parameters()));
        m.put("source", d.source().name());
        m.put("confidence", d.confidence());
        return m;
    }
}
