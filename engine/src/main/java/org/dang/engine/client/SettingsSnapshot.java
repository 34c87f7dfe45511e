package org.dang.engine.client;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * The engine's settings as read: every leaf of the configuration by its YAML key, the file changes go to,
 * which top-level sections may change here, and whether the file already holds changes the running
 * engine does not use yet (it reads its configuration once, at start).
 *
 * @param values         leaf key to value: a String, Number, Boolean or List of those
 * @param file           the file changes are written to; empty when the engine has none (changes are refused)
 * @param changeable     top-level sections that may change here (e.g. not {@code store} over the API)
 * @param restartPending whether saved changes wait for the engine's next start
 */
public record SettingsSnapshot(Map<String, Object> values, Optional<String> file, Set<String> changeable,
                               boolean restartPending) {

    /** Copies the collections. */
    public SettingsSnapshot {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        changeable = Set.copyOf(changeable);
    }

    /** A snapshot of the configuration {@code tree} (its YAML keys as JSON). */
    public static SettingsSnapshot of(JsonNode tree, Optional<String> file, Set<String> changeable, boolean restartPending) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        collect("", tree, leaves);
        return new SettingsSnapshot(leaves, file, changeable, restartPending);
    }

    private static void collect(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else {
            into.put(prefix, Json.mapper().convertValue(node, Object.class));
        }
    }

    /** Whether {@code key} may change here (its section is changeable and there is a file to write). */
    public boolean mayChange(String key) {
        return file.isPresent() && changeable.contains(section(key));
    }

    /** The top-level sections that cannot change here, in the configuration's order. */
    public Set<String> fixedSections() {
        Set<String> fixed = new LinkedHashSet<>();
        values.keySet().stream().map(SettingsSnapshot::section).filter(s -> !changeable.contains(s)).forEach(fixed::add);
        return fixed;
    }

    private static String section(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
