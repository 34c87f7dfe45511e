package org.dang.engine.advisor;

import java.util.Map;
import java.util.Objects;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.module.ModuleName;

/**
 * The model's decision after it passed the schema: one action on one module (or none).
 *
 * @param action     INVOKE, DEFER or NONE
 * @param module     the module, null for a plant-wide NONE
 * @param parameters module parameters (validated against the module's ranges)
 * @param confidence 0 to 1
 * @param rationale  the model's reason, shown quoted to operators
 */
public record ModelAdvice(DecisionAction action, ModuleName module, Map<String, Object> parameters, double confidence,
                          String rationale) {
    public ModelAdvice {
        Objects.requireNonNull(action, "action");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(rationale, "rationale");
    }
}
