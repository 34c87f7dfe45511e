package org.dang.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A configuration file changed setting by setting: each change names a leaf of the YAML (the keys
 * docs/configuration.md describes) and its new value. The file's configuration (or the running one when
 * there is no file yet) is the base, the edit is validated by {@link ConfigLoader} and written whole by
 * {@link ConfigWriter}, one change at a time. The running engine is untouched: it reads its file once, at
 * start. The console's settings view and {@code PATCH /config} both change files through here.
 */
public final class SettingsFile {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path file;
    private final Supplier<DangConfig> running;
    private final Set<String> changeable;
    /** One read-modify-write of the file at a time. */
    private final Object lock = new Object();

    /**
     * Changes to {@code file}; {@code running} is the engine's configuration (the base while there is no
     * file); only top-level sections in {@code changeable} may change.
     */
    public SettingsFile(Path file, Supplier<DangConfig> running, Set<String> changeable) {
        this.file = file;
        this.running = running;
        this.changeable = Set.copyOf(changeable);
    }

    /** The file written. */
    public Path path() {
        return file;
    }

    /** The configuration as the tree of its YAML keys. */
    public static ObjectNode tree(DangConfig c) {
        try {
            return (ObjectNode) YAML.readTree(ConfigWriter.yaml(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration writer produced unreadable YAML: " + e.getMessage(), e);
        }
    }

    /**
     * The file's configuration; empty when there is no file yet.
     *
     * @throws ConfigException when the file is not valid, naming each problem
     */
    public Optional<DangConfig> saved() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(ConfigLoader.load(file));
    }

    /**
     * Applies {@code changes} (leaf path to a scalar or a list of scalars) to the file's configuration,
     * validates the result and writes it.
     *
     * @throws SettingRefusedException naming the first setting that cannot change or the loader refuses
     * @throws ConfigException         when the file as it is now is not valid (nothing is written)
     * @throws IllegalStateException   when the file cannot be written
     */
    public Change change(Map<String, JsonNode> changes) {
        synchronized (lock) {
            ObjectNode tree = tree(saved().orElseGet(running));
            Map<String, FromTo> changed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> c : changes.entrySet()) {
                changed.put(c.getKey(), new FromTo(set(tree, c.getKey(), c.getValue()), c.getValue()));
            }
            DangConfig edited;
            try {
                edited = ConfigLoader.parse(YAML.writeValueAsString(tree), "settings");
            } catch (ConfigException e) {
                List<ConfigProblem> problems = e.problems();
                String detail = problems.stream().map(p -> new ConfigProblem(p.key(), 0, p.message()).format("config"))
                        .collect(Collectors.joining("; "));
                String key = problems.isEmpty() ? "" : problems.getFirst().key();
                throw new SettingRefusedException(key, SettingRefusedException.Reason.INVALID, detail);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the configuration cannot be written as YAML: " + e.getMessage(), e);
            }
            try {
                ConfigWriter.save(ConfigWriter.yaml(edited), file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
            }
            return new Change(file, changed);
        }
    }

    /** Sets leaf {@code path} of {@code tree} to {@code value}; returns the value it had. */
    private JsonNode set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.", -1);
        if (!changeable.contains(parts[0])) {
            if (tree.has(parts[0])) {
                throw new SettingRefusedException(path, SettingRefusedException.Reason.NOT_CHANGEABLE, parts[0]
                        + " settings cannot be changed over the API (only " + String.join(", ", changeable.stream()
                        .sorted().toList()) + "); edit the file on the server");
            }
            throw unknown(path, "no setting " + path + "; sections: " + names(tree));
        }
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                throw unknown(path, "no setting " + path + ": " + String.join(".", List.of(parts).subList(0, i))
                        + (i == 0 ? "" : " ") + "has " + names(node));
            }
            node = (ObjectNode) next;
        }
        String leaf = parts[parts.length - 1];
        JsonNode before = node.get(leaf);
        if (before == null) {
            throw unknown(path, "no setting " + path + "; " + String.join(".", List.of(parts)
                    .subList(0, parts.length - 1)) + " has " + names(node));
        }
        if (before.isObject()) {
            throw new SettingRefusedException(path, SettingRefusedException.Reason.INVALID, path
                    + " is a section, not a setting; change its leaves, one of " + names(before));
        }
        node.set(leaf, value);
        return before;
    }

    private static SettingRefusedException unknown(String path, String message) {
        return new SettingRefusedException(path, SettingRefusedException.Reason.UNKNOWN, message);
    }

    private static String names(JsonNode node) {
        List<String> n = new ArrayList<>();
        node.fieldNames().forEachRemaining(n::add);
        return String.join(", ", n);
    }

    /**
     * What one {@link #change} wrote.
     *
     * @param file    the file
     * @param changed each changed leaf with its value before and after
     */
    public record Change(Path file, Map<String, FromTo> changed) {

        /** The change for the audit trail, e.g. {@code decision_engine.max_retries 3 -> 5}. */
        public String summary() {
            return changed.entrySet().stream().map(x -> x.getKey() + " " + x.getValue().from() + " -> "
                    + x.getValue().to()).collect(Collectors.joining(", "));
        }
    }

    /**
     * One setting's value before and after a change.
     *
     * @param from the value it had
     * @param to   the value it has now
     */
    public record FromTo(JsonNode from, JsonNode to) {
    }
}
