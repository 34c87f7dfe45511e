package org.dang.app.history;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;
import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.StoredDecision;

/**
 * The text of the decision detail pane: what was decided, why, the model's advice when it was asked,
 * from which inputs, and its chain hash.
 */
final class DecisionDetail {

    private DecisionDetail() {
    }

    static String describe(StoredDecision s, Optional<String> situationJson) {
        return describe(s, situationJson, Optional.empty());
    }

    /** As above, with the advice behind a model-assisted decision (DecisionStore.adviceFor). */
    static String describe(StoredDecision s, Optional<String> situationJson, Optional<AdviceRecord> advice) {
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
        advice.ifPresent(a -> appendAdvice(b, a));
        b.append("\nOutcome\n  ").append(s.outcome().map(o -> o.status() + " at " + o.time() + ": " + o.detail())
                .orElse("none recorded yet")).append('\n');
        b.append("\nChain\n  row ").append(s.seq()).append("\n  hash ").append(s.hash())
                .append("\n  prev ").append(s.prevHash()).append("\n  situation ").append(s.situationHash())
                .append('\n');
        b.append("\nInputs (situation ").append(d.situationId()).append(")\n");
        b.append(situationJson.map(DecisionDetail::pretty).orElse("  (situation not found)"));
        return b.toString();
    }

    /** Why the model was asked, who answered, how fast, what it said and whether it stood. */
    private static void appendAdvice(StringBuilder b, AdviceRecord a) {
        b.append("\nAdvice ").append(a.id()).append('\n');
        b.append("  asked ").append(a.askedAt()).append(" because ").append(reasons(a.askedBecause())).append('\n');
        if (!a.operatorText().isEmpty()) {
            b.append("  operator asked: \"").append(a.operatorText()).append("\"\n");
        }
        b.append("  model ").append(a.backend()).append(" / ").append(a.model()).append(", finish ")
                .append(a.finish()).append(", latency ")
                .append(String.format(Locale.ROOT, "%.1f s", a.latency().toNanos() / 1e9)).append('\n');
        b.append("  prompt ").append(a.promptVersion()).append(" sha256 ").append(a.promptHash()).append('\n');
        b.append("  verdict ").append(a.overruleReason() == null ? "the model's decision stood"
                : "overruled, " + a.overruleReason() + ": " + a.overruleDetail()).append('\n');
        b.append("  parsed ").append(a.parsedJson() == null ? "(did not parse)" : a.parsedJson()).append('\n');
        b.append("  reasoning\n    ").append(a.reasoning().isEmpty() ? "(none)" : a.reasoning().replace("\n", "\n    "))
                .append('\n');
        b.append("  raw output\n    ").append(a.rawOutput().isEmpty() ? "(none)" : a.rawOutput().replace("\n", "\n    "))
                .append('\n');
    }

    private static String reasons(String json) {
        try {
            List<String> r = Json.mapper().readValue(json, new TypeReference<List<String>>() { });
            return String.join("; ", r);
        } catch (Exception e) {
            return json;
        }
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
