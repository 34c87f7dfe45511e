package org.dang.engine.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * The engine's settings as read: every leaf of the configuration it runs with by its YAML key, the same
 * for the file changes go to (what the engine uses from its next start: it reads its configuration once),
 * and which top-level sections may change here.
 *
 * @param running    leaf key to the value the engine runs with: a String, Number, Boolean or List of those
 * @param saved      leaf key to the value in the file; empty when there is no file yet
 * @param file       the file changes are written to; empty when the engine has none (changes are refused)
 * @param changeable top-level sections that may change here (e.g. not {@code store} over the API)
 */
public record SettingsSnapshot(Map<String, Object> running, Map<String, Object> saved, Optional<String> file,
                               Set<String> changeable) {

    /** Copies the collections. */
    public SettingsSnapshot {
        running = Collections.unmodifiableMap(new LinkedHashMap<>(running));
        saved = Collections.unmodifiableMap(new LinkedHashMap<>(saved));
        changeable = Set.copyOf(changeable);
    }

    /**
     * A snapshot of the configuration trees (their YAML keys as JSON objects); {@code savedTree} null or not an
     * object when there is no file yet.
     */
    public static SettingsSnapshot of(JsonNode runningTree, JsonNode savedTree, Optional<String> file,
                                      Set<String> changeable) {
        Map<String, Object> running = new LinkedHashMap<>();
        collect("", runningTree, running);
        Map<String, Object> saved = new LinkedHashMap<>();
        if (savedTree != null && savedTree.isObject()) {
            collect("", savedTree, saved);
        }
        return new SettingsSnapshot(running, saved, file, changeable);
    }

    private static void collect(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else {
            into.put(prefix, Json.mapper().convertValue(node, Object.class));
        }
    }

    /** The value the next start uses: the file's, else the running one; null for no such setting. */
    public Object next(String key) {
        return saved.containsKey(key) ? saved.get(key) : running.get(key);
    }

    /** The settings whose saved value waits for the engine's next start: key to the running value. */
    public Map<String, Object> pending() {
        Map<String, Object> p = new LinkedHashMap<>();
        saved.forEach((k, v) -> {
            if (running.containsKey(k) && !Objects.equals(v, running.get(k))) {
                p.put(k, running.get(k));
            }
        });
        return p;
    }

    /** Whether the file holds changes the running engine does not use yet. */
    public boolean restartPending() {
        return !pending().isEmpty();
    }

    /** Whether {@code key} may change here (its section is changeable and there is a file to write). */
    public boolean mayChange(String key) {
        return file.isPresent() && changeable.contains(section(key));
    }

    /** The top-level sections that cannot change here, in the configuration's order. */
    public Set<String> fixedSections() {
        Set<String> fixed = new LinkedHashSet<>();
        running.keySet().stream().map(SettingsSnapshot::section).filter(s -> !changeable.contains(s))
                .forEach(fixed::add);
        return fixed;
    }

    private static String section(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
