package org.dang.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.decision.Trigger;
import org.dang.engine.decision.TriggerKind;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.situation.Situation;

/** Small decisions and situations for store tests. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static Situation situation(String id, Instant time) {
        return new Situation(id, time, "test", null, null, null, null, null, null, null, null);
    }

    static Decision invoke(String situationId, Instant time, ModuleName module, String rationale) {
        return new Decision(UUID.randomUUID(), time, situationId,
                List.of(new Trigger(TriggerKind.PERFORMANCE, rationale)), DecisionAction.INVOKE, module,
                WorkPriority.OPTIMIZATION, Map.of("constraints", "tightened", "horizon", 12), rationale, "", 1.0,
                DecisionSource.RULES, Duration.ofNanos(123_456));
    }

    static Decision alert(String situationId, Instant time, String rationale) {
        return new Decision(UUID.randomUUID(), time, situationId,
                List.of(new Trigger(TriggerKind.SAFETY, rationale)), DecisionAction.ALERT, null,
                AlertPriority.HIGH, Map.of(), rationale, "model thought, \"quoted\"", 1.0, DecisionSource.RULES,
                Duration.ofNanos(7_000));
    }
}
