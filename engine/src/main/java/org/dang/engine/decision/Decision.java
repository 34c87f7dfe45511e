package org.dang.engine.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dang.engine.module.ModuleName;

/**
 * One decision of the contract (docs/decision-contract.md): what to do about a situation and why.
 *
 * @param id          unique id
 * @param time        when it was made (microsecond precision, as stored)
 * @param situationId the situation it answers
 * @param triggers    the rule triggers behind it
 * @param action      INVOKE, ALERT, DEFER or NONE
 * @param module      the module concerned, null for a plant-level ALERT or NONE
 * @param priority    work priority (INVOKE/DEFER/NONE) or alert priority (ALERT); null for a plain NONE
 * @param parameters  module parameters for INVOKE (string keys, JSON-compatible values)
 * @param rationale   why, in words an operator reads
 * @param reasoning   the model's reasoning text when an LLM took part, else empty
 * @param confidence  0 to 1; the rules say 1
 * @param source      RULES, LLM or LLM_OVERRULED
 * @param latency     time from situation in to decision out
 */
public record Decision(UUID id, Instant time, String situationId, List<Trigger> triggers, DecisionAction action,
                       ModuleName module, DecisionPriority priority, Map<String, Object> parameters,
                       String rationale, String reasoning, double confidence, DecisionSource source,
                       Duration latency) {
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        triggers = List.copyOf(triggers);
        parameters = Map.copyOf(parameters);
        rationale = Objects.requireNonNullElse(rationale, "");
        reasoning = Objects.requireNonNullElse(reasoning, "");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    /** The (action, module, priority) triple that the situation suite compares. */
    public ExpectedDecision signature() {
        return new ExpectedDecision(action, module, priority == null ? null : priority.name());
    }
}
