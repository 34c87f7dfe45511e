package org.dang.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dang.engine.config.ModulesConfig;
import org.dang.engine.config.RuleThresholds;
import org.dang.engine.situation.ModuleStatus;
import org.dang.engine.situation.Situation;

/**
 * Rule 7: skip deferrable work whose cached result is still valid and whose inputs barely moved;
 * defer it when the module's queue is full. Safety work and operator requests always go ahead.
 */
final class ResourceRule {

    private final ModulesConfig modules;
    private final RuleThresholds limits;

    ResourceRule(ModulesConfig modules, RuleThresholds limits) {
        this.modules = modules;
        this.limits = limits;
    }

    /** The skip or defer decision for {@code p}, or empty when it should run. */
    Optional<Draft> apply(Proposal p, Situation s) {
        if (!p.priority().deferrable()) {
            return Optional.empty();
        }
        Optional<ModuleStatus> status = s.status(p.module());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        ModuleStatus st = status.get();
        if (st.cachedResultValid() && st.inputsMovedPct() < limits.inputMovePct()) {
            String why = String.format(Locale.ROOT,
                    "%s skipped: cached result still valid and inputs moved %.1f%% (< %.1f%%)",
                    p.module().key(), st.inputsMovedPct(), limits.inputMovePct());
            return Optional.of(withTrigger(p, DecisionAction.NONE, why));
        }
        int capacity = st.queueCapacity() != null ? st.queueCapacity() : modules.of(p.module()).queueCapacity();
        if (st.queueDepth() >= capacity) {
            String why = p.module().key() + " deferred: queue full (" + st.queueDepth() + "/" + capacity + ")";
            return Optional.of(withTrigger(p, DecisionAction.DEFER, why));
        }
        return Optional.empty();
    }

    private static Draft withTrigger(Proposal p, DecisionAction action, String why) {
        Proposal annotated = new Proposal(p.module(), p.priority(),
                append(p.triggers(), new Trigger(TriggerKind.RESOURCE, why)), p.parameters(), p.rationale());
        return Draft.of(annotated, action, why + "; wanted because " + p.rationale());
    }

    private static List<Trigger> append(List<Trigger> list, Trigger t) {
        List<Trigger> out = new ArrayList<>(list);
        out.add(t);
        return out;
    }
}
