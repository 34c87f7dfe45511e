package org.dang.engine.advisor;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;

/**
 * Turns the model's answer (reasoning already split off) into a {@link ModelAdvice}: exactly one JSON
 * object, optionally inside one ```json fence, valid against {@link AdviceSchema}. Anything else is
 * an {@link AdviceRejectedException} carrying the overrule reason.
 */
public final class AdviceParser {

    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AdviceSchema schema;

    /** A parser checking against {@code schema}. */
    public AdviceParser(AdviceSchema schema) {
        this.schema = schema;
    }

    /**
     * The advice in {@code answer}.
     *
     * @throws AdviceRejectedException with the overrule reason and the JSON path of every violation
     */
    public ModelAdvice parse(String answer) {
        String text = unfence(answer.strip());
        if (text.isEmpty()) {
            throw new AdviceRejectedException(OverruleReason.MALFORMED_JSON, "the answer is empty");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new AdviceRejectedException(OverruleReason.MALFORMED_JSON, "not one JSON object"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new AdviceRejectedException(OverruleReason.MALFORMED_JSON, "the answer is JSON but not an object");
        }
        List<String> problems = schema.violations(node);
        if (!problems.isEmpty()) {
            throw new AdviceRejectedException(classify(problems), String.join("; ", problems));
        }
        DecisionAction action = DecisionAction.valueOf(node.get("action").textValue());
        ModuleName module = node.get("module").isNull() ? null
                : ModuleName.fromKey(node.get("module").textValue()).orElseThrow();
        Map<String, Object> parameters = Json.mapper().convertValue(node.get("parameters"), new TypeReference<>() { });
        return new ModelAdvice(action, module, normalise(parameters), node.get("confidence").doubleValue(),
                node.get("rationale").textValue());
    }

    /** A whole number written as 12.0 is stored as 12, so a replay and the store see one value. */
    private static Map<String, Object> normalise(Map<String, Object> parameters) {
        var out = new java.util.LinkedHashMap<String, Object>();
        parameters.forEach((k, v) -> out.put(k, v instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : v));
        return out;
    }

    private static OverruleReason classify(List<String> problems) {
        if (problems.stream().anyMatch(p -> p.startsWith("$.module:") && p.contains("is not one of"))) {
            return OverruleReason.UNKNOWN_MODULE;
        }
        if (problems.stream().allMatch(p -> p.startsWith("$.parameters"))) {
            return OverruleReason.PARAMETER_OUT_OF_RANGE;
        }
        return OverruleReason.SCHEMA_VIOLATION;
    }

    private static String unfence(String s) {
        if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
            String inner = s.substring(3, s.length() - 3);
            int nl = inner.indexOf('\n');
            String lang = nl < 0 ? "" : inner.substring(0, nl).strip();
            if (lang.isEmpty() || lang.equalsIgnoreCase("json")) {
                return (nl < 0 ? inner : inner.substring(nl + 1)).strip();
            }
        }
        return s;
    }
}
