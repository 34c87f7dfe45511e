package org.dang.engine.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.dang.engine.decision.DecisionPriority;
import org.dang.engine.module.ModuleName;

/**
 * The engine's JSON conventions in one place: snake_case names, ISO-8601 instants, modules by key,
 * strict reading (unknown fields and trailing garbage are errors). Mappers are configured once and
 * immutable afterwards, so they are safe to share across threads.
 */
public final class Json {

    private static final ObjectMapper MAPPER = build(false);
    private static final ObjectMapper CANONICAL = build(true);

    private Json() {
    }

    /** The shared mapper for reading and writing engine JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Canonical JSON of a value: sorted keys, no whitespace. Used for hashing, so its output for a
     * given value must never change.
     */
    public static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One-line JSON of a value with the shared conventions. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper build(boolean canonical) {
        SimpleModule names = new SimpleModule("dang-names");
        names.addSerializer(ModuleName.class, new JsonSerializer<>() {
            @Override
            public void serialize(ModuleName value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.key());
            }
        });
        names.addKeySerializer(ModuleName.class, new JsonSerializer<>() {
            @Override
            public void serialize(ModuleName value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeFieldName(value.key());
            }
        });
        names.addDeserializer(ModuleName.class, new JsonDeserializer<>() {
            @Override
            public ModuleName deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return moduleOrFail(p.getValueAsString(), ctx);
            }
        });
        names.addKeyDeserializer(ModuleName.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctx) throws IOException {
                return moduleOrFail(key, ctx);
            }
        });
        names.addDeserializer(DecisionPriority.class, new JsonDeserializer<>() {
            @Override
            public DecisionPriority deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return DecisionPriority.parse(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw ctx.weirdStringException(p.getValueAsString(), DecisionPriority.class, e.getMessage());
                }
            }
        });
        // The default buffer pool is per thread; the API answers each request on a new virtual thread, so it
        // never reused a buffer and a seventh of the server's allocation was fresh parser and writer buffers.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        JsonMapper.Builder b = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(names)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Same correctly rounded doubles as Double.parseDouble, without its BigInteger slow path, which was
                // a third of parsing a situation (docs/benchmarks.md, the /orchestrate profile).
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        if (canonical) {
            b.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        }
        return b.build();
    }

    private static ModuleName moduleOrFail(String key, DeserializationContext ctx) throws IOException {
        return ModuleName.fromKey(key).orElseThrow(() -> ctx.weirdStringException(key, ModuleName.class,
                "unknown module; allowed: forecasting, analysis, optimization"));
    }
}
