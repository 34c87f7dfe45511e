package org.dang.engine.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.ConfigException;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.ConfigProblem;
import org.dang.engine.config.ConfigWriter;
import org.dang.engine.config.DangConfig;

/**
 * {@code GET /config} and {@code PATCH /config}: the configuration the engine runs with, and changes
 * to the server's configuration file by leaf path, validated by the configuration loader and written
 * as the console's settings view writes them ({@link ConfigWriter}). Changes apply at the next start:
 * the engine reads its configuration once. Every PATCH is audited as {@code change_settings}.
 */
final class ConfigRoute {

    /** Sections a client may change; {@code store} and {@code server} only in the file on the server itself. */
    static final Set<String> CHANGEABLE = Set.of("orchestrator", "modules", "decision_engine", "advisor");
    private static final String APPLIES = "on_restart";

    private final Engine engine;
    private final Optional<Path> file;
    private final YAMLMapper yaml = new YAMLMapper();
    /** One read-modify-write of the file at a time. */
    private final Object fileLock = new Object();

    ConfigRoute(Engine engine, Optional<Path> file) {
        this.engine = engine;
        this.file = file;
    }

    void read(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        if (user.role() == Role.VIEWER) {
            throw new ApiException(403, "forbidden", null, "reading the configuration needs the operator or"
                    + " engineer role");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", file.map(Path::toString).orElse(null));
        body.put("applies", APPLIES);
        body.put("changeable", CHANGEABLE.stream().sorted().toList());
        body.put("config", tree(engine.config()));
        Optional<DangConfig> saved = savedConfig();
        body.put("restart_pending", saved.isPresent() && !saved.get().equals(engine.config()));
        call.json(200, body);
    }

    void change(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        byte[] raw = call.body();
        AtomicReference<Map<String, Object>> answer = new AtomicReference<>();
        // perform() audits the result whatever it is: OK, DENIED (a viewer or operator), FAILED (with the error).
        engine.actions().perform(user, Action.CHANGE_SETTINGS, "configuration " + file.map(Path::toString)
                .orElse("(no file)"), () -> {
                    answer.set(apply(raw));
                    return answer.get().get("detail").toString();
                });
        call.json(200, answer.get());
    }

    /** Validates and writes the changes in {@code raw}; the answer's {@code detail} goes to the audit trail. */
    private Map<String, Object> apply(byte[] raw) {
        Path path = file.orElseThrow(() -> new ApiException(409, "no_config_file", null, "this server was started"
                + " without a configuration file to write (dang serve --config FILE, or ~/.dang/config.yaml)"));
        Map<String, JsonNode> changes = changes(raw);
        synchronized (fileLock) {
            DangConfig base = savedConfig().orElse(engine.config());
            ObjectNode tree = tree(base);
            Map<String, Object> changed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> c : changes.entrySet()) {
                JsonNode before = set(tree, c.getKey(), c.getValue());
                Map<String, Object> fromTo = new LinkedHashMap<>();
                fromTo.put("from", before);
                fromTo.put("to", c.getValue());
                changed.put(c.getKey(), fromTo);
            }
            DangConfig edited;
            try {
                edited = ConfigLoader.parse(yaml.writeValueAsString(tree), "PATCH /config");
            } catch (ConfigException e) {
                List<ConfigProblem> problems = e.problems();
                String detail = problems.stream().map(p -> new ConfigProblem(p.key(), 0, p.message()).format("config"))
                        .collect(Collectors.joining("; "));
                String field = problems.isEmpty() || problems.getFirst().key().isEmpty() ? null
                        : "changes." + problems.getFirst().key();
                throw ApiException.invalid(field, detail);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the configuration cannot be written as YAML: " + e.getMessage(), e);
            }
            try {
                ConfigWriter.save(ConfigWriter.yaml(edited), path);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + path + ": " + e.getMessage(), e);
            }
            String summary = changed.entrySet().stream().map(x -> {
                @SuppressWarnings("unchecked") Map<String, Object> ft = (Map<String, Object>) x.getValue();
                return x.getKey() + " " + ft.get("from") + " -> " + ft.get("to");
            }).collect(Collectors.joining(", "));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("saved", true);
            answer.put("file", path.toString());
            answer.put("changed", changed);
            answer.put("applies", APPLIES);
            answer.put("detail", "saved " + summary + " to " + path + "; the engine uses it from its next start"
                    + " (it reads its configuration once, at start)");
            return answer;
        }
    }

    /** The body {@code {"changes": {"leaf.path": value, ...}}}, checked for shape. */
    private static Map<String, JsonNode> changes(byte[] raw) {
        JsonNode body = JsonBody.read(raw, JsonNode.class);
        if (!body.isObject()) {
            throw ApiException.invalid(null, "the body must be a JSON object {\"changes\": {\"leaf.path\": value}}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("changes")) {
                throw new ApiException(400, "unknown_field", name, "unknown field \"" + name + "\"; allowed: changes");
            }
        }
        JsonNode changes = body.get("changes");
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            throw ApiException.invalid("changes", "changes must be a non-empty object of leaf paths to values,"
                    + " e.g. {\"decision_engine.rules.market_sigma\": 2.5}");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        changes.properties().forEach(e -> {
            JsonNode v = e.getValue();
            boolean scalars = v.isArray() && v.valueStream().allMatch(JsonNode::isValueNode);
            if (!(v.isValueNode() && !v.isNull()) && !scalars) {
                throw ApiException.invalid("changes." + e.getKey(), "a value must be a string, number, boolean or"
                        + " a list of them, not " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            out.put(e.getKey(), v);
        });
        return out;
    }

    /** Sets leaf {@code path} of {@code tree} to {@code value}; returns the value it had. */
    private static JsonNode set(ObjectNode tree, String path, JsonNode value) {
        String field = "changes." + path;
        String[] parts = path.split("\\.", -1);
        if (!CHANGEABLE.contains(parts[0])) {
            if (tree.has(parts[0])) {
                throw ApiException.invalid(field, parts[0] + " settings cannot be changed over the API (only "
                        + String.join(", ", CHANGEABLE.stream().sorted().toList()) + "); edit the file on the server");
            }
            throw new ApiException(400, "unknown_field", field, "no setting " + path + "; sections: "
                    + names(tree));
        }
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                throw new ApiException(400, "unknown_field", field, "no setting " + path + ": "
                        + String.join(".", List.of(parts).subList(0, i)) + (i == 0 ? "" : " ") + "has " + names(node));
            }
            node = (ObjectNode) next;
        }
        String leaf = parts[parts.length - 1];
        JsonNode before = node.get(leaf);
        if (before == null) {
            throw new ApiException(400, "unknown_field", field, "no setting " + path + "; "
                    + String.join(".", List.of(parts).subList(0, parts.length - 1)) + " has " + names(node));
        }
        if (before.isObject()) {
            throw ApiException.invalid(field, path + " is a section, not a setting; change its leaves, one of "
                    + names(before));
        }
        node.set(leaf, value);
        return before;
    }

    private static String names(JsonNode node) {
        List<String> n = new ArrayList<>();
        node.fieldNames().forEachRemaining(n::add);
        return String.join(", ", n);
    }

    /** The configuration as the tree of its YAML keys (the keys docs/configuration.md describes). */
    private ObjectNode tree(DangConfig c) {
        try {
            return (ObjectNode) yaml.readTree(ConfigWriter.yaml(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration writer produced unreadable YAML: " + e.getMessage(), e);
        }
    }

    /** The file's configuration, when there is a file; an invalid file is a 409 naming its problems. */
    private Optional<DangConfig> savedConfig() {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigLoader.load(file.get()));
        } catch (ConfigException e) {
            throw new ApiException(409, "config_file_invalid", null, "the configuration file on the server is not"
                    + " valid, fix it there first: " + e.getMessage());
        }
    }
}
