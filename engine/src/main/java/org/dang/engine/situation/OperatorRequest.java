package org.dang.engine.situation;

import java.util.Map;
import java.util.Objects;

import org.dang.engine.module.ModuleName;

/**
 * An operator's explicit request to run a module.
 *
 * @param id          request id
 * @param module      the module asked for
 * @param parameters  module parameters (e.g. tags and horizon for a forecast)
 * @param requestedBy user name
 * @param text        the operator's words (untrusted data)
 */
public record OperatorRequest(String id, ModuleName module, Map<String, Object> parameters, String requestedBy,
                              String text) {
    public OperatorRequest {
        Objects.requireNonNull(module, "module");
        id = Objects.requireNonNullElse(id, "");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        requestedBy = Objects.requireNonNullElse(requestedBy, "");
        text = Objects.requireNonNullElse(text, "");
    }
}
