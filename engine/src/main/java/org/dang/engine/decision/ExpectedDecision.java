package org.dang.engine.decision;

import org.dang.engine.module.ModuleName;

/** An expected decision in a situation file: what the suite compares (action, module, priority). */
public record ExpectedDecision(DecisionAction action, ModuleName module, String priority) {
    @Override
    public String toString() {
        return action + (module == null ? "" : " " + module.key()) + (priority == null ? "" : " " + priority);
    }
}
