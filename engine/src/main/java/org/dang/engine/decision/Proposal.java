package org.dang.engine.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;

/**
 * Module work proposed by a rule, before the data-quality gate and the resource rule filter it.
 *
 * @param module     the module to run
 * @param priority   work priority
 * @param triggers   why
 * @param parameters module parameters
 * @param rationale  operator-readable reason
 */
record Proposal(ModuleName module, WorkPriority priority, List<Trigger> triggers, Map<String, Object> parameters,
                String rationale) {

    Proposal {
        triggers = List.copyOf(triggers);
        parameters = Map.copyOf(parameters);
    }

    static Proposal of(ModuleName module, WorkPriority priority, Trigger trigger, Map<String, Object> parameters) {
        return new Proposal(module, priority, List.of(trigger), parameters, trigger.detail());
    }

    /**
     * Merges two proposals for the same module: the higher priority wins, triggers and
     * rationales are joined, and on a parameter conflict the higher-priority value stays, except
     * {@code tags} lists, which are united.
     */
    Proposal merge(Proposal other) {
        Proposal high = other.priority.outranks(priority) ? other : this;
        Proposal low = high == this ? other : this;
        Map<String, Object> params = new HashMap<>(low.parameters);
        params.putAll(high.parameters);
        if (high.parameters.get("tags") instanceof List<?> a && low.parameters.get("tags") instanceof List<?> b) {
            // Two forecast requests for different tags: forecast (and require) all of them.
            LinkedHashSet<Object> union = new LinkedHashSet<>(a);
            union.addAll(b);
            params.put("tags", List.copyOf(union));
        }
        List<Trigger> all = new ArrayList<>(high.triggers);
        all.addAll(low.triggers);
        return new Proposal(module, high.priority, all, params, high.rationale + "; " + low.rationale);
    }
}
