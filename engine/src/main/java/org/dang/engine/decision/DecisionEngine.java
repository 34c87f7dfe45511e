package org.dang.engine.decision;

import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ModuleConfig;
import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.Situation;

/**
 * The deterministic rules of the decision contract (docs/decision-contract.md): a situation in,
 * its decisions out. Stateless apart from configuration, so one instance serves all threads.
 */
public final class DecisionEngine {

    private static final Comparator<Draft> OUTPUT_ORDER = Comparator
            .comparingInt((Draft d) -> actionRank(d.action()))
            .thenComparingInt(d -> d.priority() == null ? Integer.MAX_VALUE : ((Enum<?>) d.priority()).ordinal());

    private final DangConfig config;
    private final InstantSource clock;
    private final TriggerRules triggers;
    private final DataQualityGate gate;
    private final ResourceRule resources;

    /** Creates the rules with the given configuration; {@code clock} stamps decision times. */
    public DecisionEngine(DangConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        var limits = config.decisionEngine().rules();
        this.triggers = new TriggerRules(limits);
        this.gate = new DataQualityGate(config.modules(), new EffectiveQuality(limits.flatlineSamples()));
        this.resources = new ResourceRule(config.modules(), limits);
    }

    /** Applies the rules to one situation; never returns an empty list. */
    public List<Decision> decide(Situation situation) {
        long started = System.nanoTime();
        TriggerRules.Findings findings = triggers.evaluate(situation);
        List<Draft> drafts = new ArrayList<>(findings.alerts());
        for (Proposal p : mergeByModule(findings.proposals()).values()) {
            drafts.addAll(filter(p, situation));
        }
        drafts.addAll(findings.unread());
        if (drafts.isEmpty()) {
            drafts.add(new Draft(List.of(), DecisionAction.NONE, null, null, Map.of(),
                    "no rule fired: data good, no events, KPIs on baseline, no market move, nothing scheduled or due"));
        }
        drafts.sort(OUTPUT_ORDER);
        var time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        return drafts.stream().map(d -> new Decision(DecisionIds.at(time), time, situation.id(), d.triggers(),
                d.action(), d.module(), d.priority(), d.parameters(), d.rationale(), "", 1.0, DecisionSource.RULES,
                latency)).toList();
    }

    /** The configuration these rules run with. */
    public DangConfig config() {
        return config;
    }

    private List<Draft> filter(Proposal p, Situation s) {
        ModuleConfig mc = config.modules().of(p.module());
        if (!mc.enabled()) {
            return List.of(Draft.of(p, DecisionAction.DEFER,
                    p.module().key() + " is disabled in configuration; wanted because " + p.rationale()));
        }
        List<Draft> gated = gate.apply(p, s);
        if (!gated.isEmpty()) {
            return gated;
        }
        return List.of(resources.apply(p, s).orElseGet(() -> Draft.of(p, DecisionAction.INVOKE, p.rationale())));
    }

    private static Map<ModuleName, Proposal> mergeByModule(List<Proposal> proposals) {
        Map<ModuleName, Proposal> merged = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            merged.merge(p.module(), p, Proposal::merge);
        }
        return merged;
    }

    private static int actionRank(DecisionAction a) {
        return switch (a) {
            case ALERT -> 0;
            case INVOKE -> 1;
            case DEFER -> 2;
            case NONE -> 3;
        };
    }
}
