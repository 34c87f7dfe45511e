package org.dang.engine.advisor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.dang.engine.config.ModulesConfig;
import org.dang.engine.config.RuleThresholds;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.Trigger;
import org.dang.engine.decision.TriggerKind;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;

/**
 * Decides when the rules' answer is ambiguous enough to ask the model (docs/advisor.md, "When it asks"):
 * <ul>
 *   <li>SEVERAL_TRIGGERS: the INVOKE decisions rest on two or more distinct trigger kinds
 *       (data quality and resource triggers not counted);</li>
 *   <li>BORDERLINE_DATA: a GOOD required input of an invoked module lies within
 *       {@code rangeFraction} of its range span from an edge, or a market move lies within
 *       ({@code nearThreshold} x threshold, threshold] (nearly fired, did not);</li>
 *   <li>CONFLICTING_PRIORITIES: an operator's request ends DEFER, or SAFETY work and an operator
 *       request for another module are both to run now;</li>
 *   <li>OPERATOR_WORDS: an operator's request names no module, only words the rules cannot read.</li>
 * </ul>
 */
public final class AmbiguityCheck {

    /** Fraction of a tag's range span that counts as close to an edge. */
    public static final double RANGE_FRACTION = 0.05;
    /** A market move above this share of its threshold (and not above it) is borderline. */
    public static final double NEAR_THRESHOLD = 0.9;

    private static final Set<TriggerKind> NOT_COUNTED = EnumSet.of(TriggerKind.DATA_QUALITY, TriggerKind.RESOURCE);

    private final RuleThresholds limits;
    private final ModulesConfig modules;

    /** Checks with the rules' thresholds and the modules' required tags. */
    public AmbiguityCheck(RuleThresholds limits, ModulesConfig modules) {
        this.limits = limits;
        this.modules = modules;
    }

    /** The reasons, if any, to ask the model about {@code situation} given what the rules decided. */
    public Ambiguity assess(Situation situation, List<Decision> ruleDecisions) {
        List<String> reasons = new ArrayList<>();
        severalTriggers(ruleDecisions, reasons);
        borderlineTags(situation, ruleDecisions, reasons);
        borderlineMarket(situation.market(), reasons);
        conflictingPriorities(situation, ruleDecisions, reasons);
        operatorWords(situation, reasons);
        return new Ambiguity(reasons);
    }

    private static void severalTriggers(List<Decision> decisions, List<String> reasons) {
        Set<String> kinds = new TreeSet<>();
        for (Decision d : decisions) {
            if (d.action() == DecisionAction.INVOKE) {
                for (Trigger t : d.triggers()) {
                    if (!NOT_COUNTED.contains(t.kind())) {
                        kinds.add(t.kind().name());
                    }
                }
            }
        }
        if (kinds.size() >= 2) {
            reasons.add("SEVERAL_TRIGGERS: module work rests on " + String.join(", ", kinds));
        }
    }

    private void borderlineTags(Situation s, List<Decision> decisions, List<String> reasons) {
        Set<String> required = new TreeSet<>();
        for (Decision d : decisions) {
            if (d.action() == DecisionAction.INVOKE && d.module() != null) {
                required.addAll(modules.of(d.module()).requiredTags());
            }
        }
        for (String name : required) {
            TagSnapshot t = s.tag(name).orElse(null);
            if (t == null || t.quality() != Quality.GOOD || t.range() == null || t.value() == null
                    || !Double.isFinite(t.value()) || !t.range().contains(t.value())) {
                continue; // not borderline: rule 1 already judged it bad, or there is no range to be near
            }
            double span = t.range().high() - t.range().low();
            double margin = Math.min(t.value() - t.range().low(), t.range().high() - t.value());
            // The tiny allowance keeps the inclusive edge inclusive despite binary fractions (5 - 4.8 > 0.2).
            if (span > 0 && margin <= RANGE_FRACTION * span * (1 + 1e-9)) {
                reasons.add(String.format(Locale.ROOT, "BORDERLINE_DATA: required tag %s = %s is within %.0f%% of its range [%s, %s]",
                        Quoted.of(name), t.value(), RANGE_FRACTION * 100, t.range().low(), t.range().high()));
            }
        }
    }

    private void borderlineMarket(MarketIndicators m, List<String> reasons) {
        if (m == null) {
            return;
        }
        near("price move", m.priceMoveSigma(), limits.marketSigma(), reasons);
        near("crack spread move", m.crackSpreadMoveSigma(), limits.marketSigma(), reasons);
        near("inventory surprise", m.inventorySurpriseSigma(), limits.inventorySigma(), reasons);
        near("margin shift", m.marginShiftPct(), limits.marginShiftPct(), reasons);
    }

    private static void near(String what, double value, double threshold, List<String> reasons) {
        double v = Math.abs(value);
        if (v > NEAR_THRESHOLD * threshold && v <= threshold) {
            reasons.add(String.format(Locale.ROOT, "BORDERLINE_DATA: %s %.2f is just under its threshold %.2f",
                    what, v, threshold));
        }
    }

    private static void conflictingPriorities(Situation s, List<Decision> decisions, List<String> reasons) {
        for (var r : s.operatorRequests()) {
            if (r.wordsOnly()) {
                continue; // no module to be deferred: operatorWords reports it
            }
            boolean deferred = decisions.stream().anyMatch(d -> d.module() == r.module()
                    && d.action() == DecisionAction.DEFER && d.priority() == WorkPriority.OPERATOR_REQUEST);
            if (deferred) {
                reasons.add("CONFLICTING_PRIORITIES: operator request " + Quoted.of(r.id()) + " for "
                        + r.module().key() + " is deferred by the rules");
            }
        }
        Set<ModuleName> safety = EnumSet.noneOf(ModuleName.class);
        Set<ModuleName> operator = EnumSet.noneOf(ModuleName.class);
        for (Decision d : decisions) {
            if (d.action() == DecisionAction.INVOKE && d.priority() == WorkPriority.SAFETY) {
                safety.add(d.module());
            } else if (d.action() == DecisionAction.INVOKE && d.priority() == WorkPriority.OPERATOR_REQUEST) {
                operator.add(d.module());
            }
        }
        operator.removeAll(safety);
        if (!safety.isEmpty() && !operator.isEmpty()) {
            reasons.add("CONFLICTING_PRIORITIES: safety work on " + names(safety) + " and operator requests for "
                    + names(operator) + " at once");
        }
    }

    private static void operatorWords(Situation s, List<String> reasons) {
        for (var r : s.operatorRequests()) {
            if (r.wordsOnly()) {
                reasons.add("OPERATOR_WORDS: operator request " + Quoted.of(r.id()) + " names no module; its words are "
                        + Quoted.of(PlantSummary.cut(r.text())));
            }
        }
    }

    private static String names(Set<ModuleName> ms) {
        return String.join(", ", ms.stream().map(ModuleName::key).toList());
    }
}
