package org.dang.app.history;

import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;
import org.dang.engine.store.StoredDecision;

/** The text of the decision detail pane: what was decided, why, from which inputs, and its chain hash. */
final class DecisionDetail {

    private DecisionDetail() {
    }

    static String describe(StoredDecision s, Optional<String> situationJson) {
        Decision d = s.decision();
        StringBuilder b = new StringBuilder();
        b.append(d.action()).append(d.module() == null ? "" : " " + d.module().key())
                .append(d.priority() == null ? "" : "  [" + d.priority().name() + "]").append('\n');
        b.append("Decided ").append(d.time()).append(" by ").append(d.source())
                .append(", confidence ").append(d.confidence())
                .append(", latency ").append(d.latency().toNanos() / 1000).append(" us\n\n");
        b.append("Rationale\n  ").append(d.rationale()).append("\n\n");
        b.append("Triggers\n").append(d.triggers().isEmpty() ? "  (none)\n" : d.triggers().stream()
                .map(t -> "  " + t.kind() + ": " + t.detail()).collect(Collectors.joining("\n", "", "\n")));
        if (!d.parameters().isEmpty()) {
            b.append("\nParameters\n  ").append(Json.write(d.parameters())).append('\n');
        }
        if (!d.reasoning().isEmpty()) {
            b.append("\nModel reasoning\n  ").append(d.reasoning()).append('\n');
        }
        b.append("\nOutcome\n  ").append(s.outcome().map(o -> o.status() + " at " + o.time() + ": " + o.detail())
                .orElse("none recorded yet")).append('\n');
        b.append("\nChain\n  row ").append(s.seq()).append("\n  hash ").append(s.hash())
                .append("\n  prev ").append(s.prevHash()).append("\n  situation ").append(s.situationHash())
                .append('\n');
        b.append("\nInputs (situation ").append(d.situationId()).append(")\n");
        b.append(situationJson.map(DecisionDetail::pretty).orElse("  (situation not found)"));
        return b.toString();
    }

    private static String pretty(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (Exception e) {
            return json;
        }
    }
}
