package org.dang.engine.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import org.dang.engine.advisor.AdviceParser;
import org.dang.engine.advisor.AdviceRejectedException;
import org.dang.engine.advisor.AdviceSchema;
import org.dang.engine.advisor.ModelAdvice;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;

/**
 * Reads one model answer of the chat (reasoning already split off): prose is the final answer; an
 * answer that starts with {@code {} (optionally inside one ```json fence) must be exactly one tool
 * request valid against {@code chat-tool-request.schema.json}, and an INVOKE's module and parameters
 * must also pass the advisor's schema (its per-module ranges), checked by the advisor's own parser.
 */
public final class ToolRequestParser {

    /** Resource path of the tool-request schema (identical to docs/chat-tool-request.schema.json). */
    public static final String RESOURCE = "/org/dang/engine/assistant/chat-tool-request.schema.json";

    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** A request hidden in prose: the model must answer with the object alone. */
    private static final Pattern EMBEDDED = Pattern.compile("\\{\\s*\"action\"\\s*:");

    private final AdviceSchema toolSchema;
    private final AdviceParser advice;

    /** A parser over the shipped schemas. */
    public ToolRequestParser() {
        this(AdviceSchema.fromResource(RESOURCE), AdviceSchema.standard());
    }

    ToolRequestParser(AdviceSchema toolSchema, AdviceSchema adviceSchema) {
        this.toolSchema = toolSchema;
        this.advice = new AdviceParser(adviceSchema);
    }

    /** The tool-request schema as published (for the prompt). */
    public String schemaText() {
        return toolSchema.text();
    }

    /**
     * What {@code answer} is.
     *
     * @throws ToolRequestRejectedException naming the field when it is a tool request that cannot be used
     */
    public ModelAnswer parse(String answer) {
        String text = answer.strip();
        Optional<String> json = jsonPart(text);
        if (json.isEmpty()) {
            if (text.isEmpty()) {
                throw new ToolRequestRejectedException("$", "the answer is empty");
            }
            if (EMBEDDED.matcher(text).find()) {
                throw new ToolRequestRejectedException("$", "a tool request must be the whole answer: one JSON"
                        + " object with no text before or after it");
            }
            return new ModelAnswer.Prose(text);
        }
        JsonNode node;
        try {
            node = STRICT.readTree(json.get());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ToolRequestRejectedException("$", "not one JSON object"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ToolRequestRejectedException("$", "the answer is JSON but not an object");
        }
        List<String> problems = toolSchema.violations(node);
        if (!problems.isEmpty()) {
            throw new ToolRequestRejectedException(pathOf(problems.getFirst()), String.join("; ", problems));
        }
        double confidence = node.get("confidence").doubleValue();
        String rationale = node.get("rationale").textValue();
        if ("INVOKE".equals(node.get("action").textValue())) {
            return new ModelAnswer.Tool(invoke(node, confidence, rationale));
        }
        return new ModelAnswer.Tool(new ToolRequest.History(history(node.get("query")), confidence, rationale));
    }

    private ToolRequest.Invoke invoke(JsonNode node, double confidence, String rationale) {
        // The advisor's form of the same request: its schema holds the modules and their parameter ranges.
        Map<String, Object> asAdvice = new LinkedHashMap<>();
        asAdvice.put("action", "INVOKE");
        asAdvice.put("module", node.get("module"));
        asAdvice.put("parameters", node.get("parameters"));
        asAdvice.put("confidence", confidence);
        asAdvice.put("rationale", rationale);
        ModelAdvice a;
        try {
            a = advice.parse(Json.write(asAdvice));
        } catch (AdviceRejectedException e) {
            String detail = e.overrule().detail();
            throw new ToolRequestRejectedException(pathOf(detail), e.overrule().reason().name() + ": " + detail);
        }
        return new ToolRequest.Invoke(a.module(), a.parameters(), confidence, rationale);
    }

    private static HistoryQuery history(JsonNode q) {
        try {
            return new HistoryQuery(
                    text(q, "from").map(v -> HistoryQuery.time("$.query.from", v, false)),
                    text(q, "to").map(v -> HistoryQuery.time("$.query.to", v, true)),
                    text(q, "module").map(m -> ModuleName.fromKey(m).orElseThrow()),
                    text(q, "action").map(DecisionAction::valueOf),
                    text(q, "text"),
                    q.has("limit") ? q.get("limit").intValue() : HistoryQuery.DEFAULT_LIMIT);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new ToolRequestRejectedException(m.startsWith("$") ? pathOf(m) : "$.query", m);
        }
    }

    private static Optional<String> text(JsonNode q, String field) {
        JsonNode v = q.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.textValue());
    }

    /** The answer's JSON when it is a tool request attempt: it starts with '{', or is one ``` fence. */
    private static Optional<String> jsonPart(String s) {
        if (s.startsWith("{")) {
            return Optional.of(s);
        }
        if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
            String inner = s.substring(3, s.length() - 3);
            int nl = inner.indexOf('\n');
            String lang = nl < 0 ? "" : inner.substring(0, nl).strip();
            if (lang.isEmpty() || lang.equalsIgnoreCase("json")) {
                return Optional.of((nl < 0 ? inner : inner.substring(nl + 1)).strip());
            }
        }
        return Optional.empty();
    }

    /** The JSON path a violation starts with ({@code $.parameters.horizon: ...}), else {@code $}. */
    private static String pathOf(String violation) {
        int colon = violation.indexOf(':');
        String head = colon < 0 ? "" : violation.substring(0, colon);
        return head.startsWith("$") && !head.contains(" ") ? head : "$";
    }
}
