package org.dang.engine.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.dang.engine.module.ModuleName;

/** One validated tool request of the model (docs/chat-tool-request.schema.json). */
public sealed interface ToolRequest {

    /** How sure the model is that it needs this, 0 to 1. */
    double confidence();

    /** Why it asks, in its words (shown quoted to the operator). */
    String rationale();

    /** The request as JSON-ready data (for the record and the next prompt). */
    Map<String, Object> describe();

    /**
     * Run a module through the coordinator.
     *
     * @param module     the module
     * @param parameters its parameters, already within the advisor schema's per-module ranges
     * @param confidence 0 to 1
     * @param rationale  why
     */
    record Invoke(ModuleName module, Map<String, Object> parameters, double confidence, String rationale)
            implements ToolRequest {
        public Invoke {
            Objects.requireNonNull(module, "module");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(rationale, "rationale");
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", "INVOKE");
            m.put("module", module.key());
            m.put("parameters", new java.util.TreeMap<>(parameters));
            return m;
        }
    }

    /**
     * Read decision records from the store.
     *
     * @param query      which records
     * @param confidence 0 to 1
     * @param rationale  why
     */
    record History(HistoryQuery query, double confidence, String rationale) implements ToolRequest {
        public History {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(rationale, "rationale");
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", "HISTORY");
            m.put("query", query.describe());
            return m;
        }
    }
}
