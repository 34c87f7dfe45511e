package org.dang.engine.client.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionPriority;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.decision.Trigger;
import org.dang.engine.decision.TriggerKind;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/** A {@code GET /decisions} item (the export fields of docs/server.md) back into a {@link StoredDecision}. */
final class DecisionJson {

    private DecisionJson() {
    }

    static StoredDecision read(JsonNode n) {
        try {
            UUID id = UUID.fromString(text(n, "id"));
            List<Trigger> triggers = new ArrayList<>();
            for (JsonNode t : n.path("triggers")) {
                triggers.add(new Trigger(TriggerKind.valueOf(t.path("kind").asText()), t.path("detail").asText("")));
            }
            Map<String, Object> parameters = n.path("parameters").isObject()
                    ? Json.mapper().convertValue(n.path("parameters"), new TypeReference<Map<String, Object>>() { })
                    : Map.of();
            String module = n.path("module").isTextual() ? n.path("module").asText() : null;
            String priority = n.path("priority").isTextual() ? n.path("priority").asText() : null;
            Decision d = new Decision(id, Instant.parse(text(n, "time")), n.path("situation_id").asText(""), triggers,
                    DecisionAction.valueOf(text(n, "action")),
                    module == null ? null : ModuleName.fromKey(module).orElseThrow(() ->
                            new IllegalArgumentException("unknown module " + module)),
                    DecisionPriority.parse(priority),
                    parameters, n.path("rationale").asText(""), n.path("reasoning").asText(""),
                    n.path("confidence").asDouble(), DecisionSource.valueOf(text(n, "source")),
                    Duration.ofNanos(n.path("latency_us").asLong() * 1000));
            Optional<DecisionOutcome> outcome = n.path("outcome").isTextual()
                    ? Optional.of(new DecisionOutcome(id, n.path("outcome_time").isTextual()
                    ? Instant.parse(n.path("outcome_time").asText()) : null,
                    OutcomeStatus.valueOf(n.path("outcome").asText()), n.path("outcome_detail").asText("")))
                    : Optional.empty();
            return new StoredDecision(n.path("seq").asLong(), d, n.path("situation_hash").asText(""),
                    n.path("prev_hash").asText(""), n.path("hash").asText(""), outcome);
        } catch (RuntimeException e) {
            throw new RemoteEngineException(200, "bad_decision", "a decision from the engine could not be read (seq "
                    + n.path("seq").asText("?") + "): " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return v.asText();
    }
}
