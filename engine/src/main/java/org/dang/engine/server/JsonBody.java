package org.dang.engine.server;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.dang.engine.json.Json;

/** Reads a request body strictly into a record with the engine's JSON conventions; errors name the field. */
final class JsonBody {

    private JsonBody() {
    }

    /** {@code body} as a {@code type}; a 400 {@link ApiException} naming the field when it is not one. */
    static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(400, "malformed_json", null, "the request body is empty; a JSON object is expected");
        }
        T value;
        try {
            // A repeated field is an error, not "the last one wins".
            value = Json.mapper().readerFor(type).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(body);
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed_json", null, where(e) + firstLine(e.getOriginalMessage()));
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, "unknown_field", path(e), where(e) + "unknown field \"" + e.getPropertyName()
                    + "\"; allowed: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new ApiException(400, "invalid_value", path(e), where(e) + rootMessage(e));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", null, where(e) + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", null, "cannot read the body: " + e.getMessage());
        }
        if (value == null) {
            throw new ApiException(400, "malformed_json", null, "the body is null; a JSON object is expected");
        }
        return value;
    }

    /** The dotted field path of a mapping error, e.g. {@code tags[2].value}; null at the top level. */
    static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    }

    private static String rootMessage(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root != e && root.getMessage() != null ? root.getMessage() : e.getOriginalMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "not valid JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
