package org.dang.engine.advisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * The published advisor-decision schema (docs/advisor-decision.schema.json, shipped as a resource)
 * and a strict validator for the subset of JSON Schema it uses: type, enum, const, minimum,
 * maximum, minLength, maxLength, minItems, maxItems, items, properties, required,
 * additionalProperties false, maxProperties, allOf and if/then. The schema file is the one source
 * of the allowed actions, modules and parameter ranges, so the Java check cannot drift from it.
 */
public final class AdviceSchema {

    /** Resource path of the schema. */
    public static final String RESOURCE = "/org/dang/engine/advisor/advisor-decision.schema.json";

    private final JsonNode schema;
    private final String text;

    private AdviceSchema(JsonNode schema, String text) {
        this.schema = schema;
        this.text = text;
    }

    /** Loads the schema shipped with the engine. */
    public static AdviceSchema standard() {
        return fromResource(RESOURCE);
    }

    /**
     * Loads another schema written in the same subset from the engine's resources (the chat's tool
     * request, which defers its module parameters to this one).
     */
    public static AdviceSchema fromResource(String resource) {
        try (InputStream in = AdviceSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from the engine jar");
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new AdviceSchema(Json.mapper().readTree(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The schema as published (JSON text). */
    public String text() {
        return text;
    }

    /** Every violation of the schema by {@code value}, each naming its JSON path; empty when valid. */
    public List<String> violations(JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private void check(JsonNode s, JsonNode v, String path, List<String> out) {
        if (s.has("type") && !typeMatches(s.get("type"), v)) {
            out.add(path + ": expected " + s.get("type") + ", got " + describe(v));
            return;
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            out.add(path + ": must be " + s.get("const") + ", got " + describe(v));
        }
        if (s.has("enum") && !contains(s.get("enum"), v)) {
            out.add(path + ": " + describe(v) + " is not one of " + s.get("enum"));
        }
        if (v.isNumber()) {
            if (s.has("minimum") && v.doubleValue() < s.get("minimum").doubleValue()) {
                out.add(path + ": " + v + " is below the minimum " + s.get("minimum"));
            }
            if (s.has("maximum") && v.doubleValue() > s.get("maximum").doubleValue()) {
                out.add(path + ": " + v + " is above the maximum " + s.get("maximum"));
            }
        }
        if (v.isTextual()) {
            int n = v.textValue().codePointCount(0, v.textValue().length());
            if (s.has("minLength") && n < s.get("minLength").intValue()) {
                out.add(path + ": text shorter than " + s.get("minLength") + " characters");
            }
            if (s.has("maxLength") && n > s.get("maxLength").intValue()) {
                out.add(path + ": text longer than " + s.get("maxLength") + " characters (" + n + ")");
            }
        }
        if (v.isArray()) {
            if (s.has("minItems") && v.size() < s.get("minItems").intValue()) {
                out.add(path + ": fewer than " + s.get("minItems") + " items");
            }
            if (s.has("maxItems") && v.size() > s.get("maxItems").intValue()) {
                out.add(path + ": more than " + s.get("maxItems") + " items (" + v.size() + ")");
            }
            if (s.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(s.get("items"), v.get(i), path + "[" + i + "]", out);
                }
            }
        }
        if (v.isObject()) {
            checkObject(s, v, path, out);
        }
        if (s.has("allOf")) {
            for (JsonNode part : s.get("allOf")) {
                check(part, v, path, out);
            }
        }
        if (s.has("if") && s.has("then")) {
            List<String> probe = new ArrayList<>();
            check(s.get("if"), v, path, probe);
            if (probe.isEmpty()) {
                check(s.get("then"), v, path, out);
            }
        }
    }

    private void checkObject(JsonNode s, JsonNode v, String path, List<String> out) {
        if (s.has("required")) {
            for (JsonNode r : s.get("required")) {
                if (!v.has(r.textValue())) {
                    out.add(path + ": required field '" + r.textValue() + "' is missing");
                }
            }
        }
        if (s.has("maxProperties") && v.size() > s.get("maxProperties").intValue()) {
            out.add(path + ": at most " + s.get("maxProperties") + " fields allowed, got " + v.size());
        }
        JsonNode props = s.path("properties");
        boolean closed = s.has("additionalProperties") && !s.get("additionalProperties").asBoolean(true);
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            var field = it.next();
            String p = path + "." + field.getKey();
            if (props.has(field.getKey())) {
                check(props.get(field.getKey()), field.getValue(), p, out);
            } else if (closed) {
                out.add(p + ": unknown field; allowed: " + fieldNames(props));
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.textValue()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            // A model writes 12.0 for 12 at times; JSON Schema counts any number with no fraction as an integer.
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())
                    && Double.isFinite(v.doubleValue()));
            case "number" -> v.isNumber() && Double.isFinite(v.doubleValue());
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode options, JsonNode v) {
        for (JsonNode o : options) {
            if (o.equals(v)) {
                return true;
            }
        }
        return false;
    }

    private static String fieldNames(JsonNode props) {
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String describe(JsonNode v) {
        String t = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String s = v.toString();
        return t + " " + (s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }
}
