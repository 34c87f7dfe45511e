package org.dang.engine.decision;

import java.util.List;
import java.util.Map;

import org.dang.engine.module.ModuleName;

/** A decision before it gets its id, time and latency. */
record Draft(List<Trigger> triggers, DecisionAction action, ModuleName module, DecisionPriority priority,
             Map<String, Object> parameters, String rationale) {

    static Draft of(Proposal p, DecisionAction action, String rationale) {
        return new Draft(p.triggers(), action, p.module(), p.priority(),
                action == DecisionAction.INVOKE ? p.parameters() : Map.of(), rationale);
    }
}
