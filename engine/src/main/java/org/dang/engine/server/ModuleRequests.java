package org.dang.engine.server;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;

/**
 * The one registry of what {@code POST /invoke/{module}} accepts: per module, the fields its JSON
 * body may have and their JSON types. A body that passes is handed, as a parameter map, to the
 * {@code fromParameters} the module was installed with ({@link org.dang.engine.Engine#requestFor}),
 * so the API and an INVOKE decision build the same request through the same validation. A module
 * plugs in with one {@link #register} line in {@link #standard()} (and its schema in openapi.json).
 */
public final class ModuleRequests {

    /** The JSON type a body field must have. */
    public enum Kind {
        /** A JSON string. */
        STRING,
        /** A whole JSON number. */
        INTEGER,
        /** true or false. */
        BOOLEAN,
        /** An array of strings. */
        STRING_LIST,
        /** One string or an array of strings. */
        STRING_OR_LIST,
        /** A number or a string (e.g. seconds or an ISO-8601 duration). */
        NUMBER_OR_STRING;

        boolean accepts(JsonNode v) {
            return switch (this) {
                case STRING -> v.isTextual();
                case INTEGER -> v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
                case BOOLEAN -> v.isBoolean();
                case STRING_LIST -> v.isArray() && allText(v);
                case STRING_OR_LIST -> v.isTextual() || v.isArray() && allText(v);
                case NUMBER_OR_STRING -> v.isNumber() || v.isTextual();
            };
        }

        String expected() {
            return switch (this) {
                case STRING -> "a string";
                case INTEGER -> "a whole number";
                case BOOLEAN -> "true or false";
                case STRING_LIST -> "an array of strings";
                case STRING_OR_LIST -> "a string or an array of strings";
                case NUMBER_OR_STRING -> "a number or a string";
            };
        }

        private static boolean allText(JsonNode array) {
            for (JsonNode e : array) {
                if (!e.isTextual()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One field of a module's body. */
    public record Field(String name, Kind kind) {
    }

    /** A module's body: its fields, in documentation order. */
    public record Body(ModuleName module, List<Field> fields) {

        /** Copies the list. */
        public Body {
            fields = List.copyOf(fields);
        }

        /** The field names. */
        public List<String> names() {
            return fields.stream().map(Field::name).toList();
        }

        /**
         * The parameter map of a JSON object body: 400 {@code unknown_field} naming a field the body may
         * not have, 400 {@code invalid_value} naming one of the wrong JSON type (null included: leave a
         * field out for its default).
         */
        Map<String, Object> parameters(JsonNode object) {
            if (!object.isObject()) {
                throw ApiException.invalid(null, "the body must be a JSON object with the " + module.key()
                        + " request's fields (" + String.join(", ", names()) + "), got a JSON "
                        + object.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            Map<String, Field> byName = fields.stream().collect(Collectors.toMap(Field::name, f -> f));
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                Field f = byName.get(e.getKey());
                if (f == null) {
                    throw new ApiException(400, "unknown_field", e.getKey(), "unknown field \"" + e.getKey()
                            + "\" for module " + module.key() + "; allowed: " + String.join(", ", names()));
                }
                if (!f.kind().accepts(e.getValue())) {
                    throw ApiException.invalid(f.name(), f.name() + ": expected " + f.kind().expected() + ", got "
                            + e.getValue());
                }
                out.put(f.name(), Json.mapper().convertValue(e.getValue(), Object.class));
            }
            return out;
        }

        /**
         * The field a module's validation message is about: modules say {@code "horizon: ..."} or
         * {@code "as_of '...' is ..."}, so it is the body field the message starts with, if any.
         */
        String fieldOf(String message) {
            if (message == null) {
                return null;
            }
            return names().stream().filter(n -> message.startsWith(n)
                            && (message.length() == n.length() || " :'".indexOf(message.charAt(n.length())) >= 0))
                    .findFirst().orElse(null);
        }
    }

    private final Map<ModuleName, Body> bodies = new EnumMap<>(ModuleName.class);

    /** The bodies of the modules this build ships; each maps onto the module's own {@code fromParameters}. */
    public static ModuleRequests standard() {
        return new ModuleRequests()
                // ForecastRequest.fromParameters
                .register(ModuleName.FORECASTING, List.of(new Field("tags", Kind.STRING_OR_LIST),
                        new Field("horizon", Kind.INTEGER), new Field("inputs", Kind.STRING_OR_LIST),
                        new Field("model_selection", Kind.STRING), new Field("retrain", Kind.BOOLEAN),
                        new Field("interval", Kind.NUMBER_OR_STRING), new Field("lags", Kind.INTEGER)))
                // MarketRequest.fromParameters
                .register(ModuleName.ANALYSIS, List.of(new Field("as_of", Kind.STRING)))
                // OptimizationRequest.fromParameters
                .register(ModuleName.OPTIMIZATION, List.of(new Field("constraints", Kind.STRING),
                        new Field("objective", Kind.STRING), new Field("rl_policy", Kind.STRING),
                        new Field("window", Kind.STRING)));
    }

    /** Registers the body fields of {@code module}; returns this for chaining. */
    public ModuleRequests register(ModuleName module, List<Field> fields) {
        bodies.put(module, new Body(module, fields));
        return this;
    }

    /** The body of {@code module}, if registered. */
    public Optional<Body> entry(ModuleName module) {
        return Optional.ofNullable(bodies.get(module));
    }

    /** Modules with a registered body. */
    public Set<ModuleName> modules() {
        return Set.copyOf(bodies.keySet());
    }
}
