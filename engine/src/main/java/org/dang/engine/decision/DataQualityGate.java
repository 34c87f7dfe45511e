package org.dang.engine.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dang.engine.config.ModulesConfig;
import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;

/**
 * Rule 1: a module whose required inputs are not GOOD is not invoked; the work becomes an ALERT
 * naming the bad inputs plus a DEFER.
 */
final class DataQualityGate {

    private final ModulesConfig modules;
    private final EffectiveQuality quality;

    DataQualityGate(ModulesConfig modules, EffectiveQuality quality) {
        this.modules = modules;
        this.quality = quality;
    }

    /** The gated decisions for {@code p}, or an empty list when its inputs are all good. */
    List<Draft> apply(Proposal p, Situation s) {
        Map<String, Quality> bad = badInputs(p, s);
        if (bad.isEmpty()) {
            return List.of();
        }
        String named = bad.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        Trigger t = new Trigger(TriggerKind.DATA_QUALITY, p.module().key() + " inputs not usable: " + named);
        List<Trigger> triggers = new ArrayList<>(p.triggers());
        triggers.add(t);
        return List.of(
                new Draft(List.of(t), DecisionAction.ALERT, p.module(), AlertPriority.MEDIUM, Map.of(),
                        "bad data blocks " + p.module().key() + ": " + named),
                new Draft(triggers, DecisionAction.DEFER, p.module(), p.priority(), Map.of(),
                        p.module().key() + " deferred until its inputs are good (" + named + "); wanted because "
                                + p.rationale()));
    }

    private Map<String, Quality> badInputs(Proposal p, Situation s) {
        Map<String, Quality> bad = new LinkedHashMap<>();
        if (p.module() == ModuleName.ANALYSIS) {
            Quality q = s.market() == null ? Quality.MISSING : s.market().dataQuality();
            if (!q.usable()) {
                bad.put("market data", q);
            }
            return bad;
        }
        for (String tag : requiredTags(p)) {
            Quality q = s.tag(tag).map(quality::of).orElse(Quality.MISSING);
            if (!q.usable()) {
                bad.put(tag, q);
            }
        }
        return bad;
    }

    private Set<String> requiredTags(Proposal p) {
        Set<String> tags = new LinkedHashSet<>(modules.of(p.module()).requiredTags());
        if (p.module() == ModuleName.FORECASTING && p.parameters().get("tags") instanceof List<?> named) {
            named.forEach(n -> tags.add(String.valueOf(n)));
        }
        return tags;
    }
}
