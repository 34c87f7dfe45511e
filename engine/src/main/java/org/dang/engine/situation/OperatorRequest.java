package org.dang.engine.situation;

import java.util.Map;
import java.util.Objects;

import org.dang.engine.module.ModuleName;

/**
 * An operator's request: to run a named module, or written only in words (no module), which the
 * rules cannot read and leave to the advisor (docs/decision-contract.md, "Operator requests").
 *
 * @param id          request id
 * @param module      the module asked for; null when the request is in words only
 * @param parameters  module parameters (e.g. tags and horizon for a forecast)
 * @param requestedBy user name
 * @param text        the operator's words (untrusted data)
 */
public record OperatorRequest(String id, ModuleName module, Map<String, Object> parameters, String requestedBy,
                              String text) {
    public OperatorRequest {
        id = Objects.requireNonNullElse(id, "");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        requestedBy = Objects.requireNonNullElse(requestedBy, "");
        text = Objects.requireNonNullElse(text, "");
        if (module == null && text.isBlank()) {
            throw new IllegalArgumentException("operator request \"" + id + "\" names no module and has no text:"
                    + " give \"module\", or the request in words as \"text\"");
        }
    }

    /** Whether the request names no module: only its words say what the operator wants. */
    public boolean wordsOnly() {
        return module == null;
    }
}
