package org.dang.engine.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.ConfigException;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.SettingRefusedException;
import org.dang.engine.config.SettingsFile;

/**
 * {@code GET /config} and {@code PATCH /config}: the configuration the engine runs with, and changes
 * to the server's configuration file by leaf path, validated by the configuration loader and written
 * as the console's settings view writes them ({@link SettingsFile}). Changes apply at the next start:
 * the engine reads its configuration once. Every PATCH is audited as {@code change_settings}.
 */
final class ConfigRoute {

    /** Sections a client may change; {@code store} and {@code server} only in the file on the server itself. */
    static final Set<String> CHANGEABLE = Set.of("orchestrator", "modules", "decision_engine", "advisor");
    private static final String APPLIES = "on_restart";

    private final Engine engine;
    private final Optional<SettingsFile> file;

    ConfigRoute(Engine engine, Optional<Path> file) {
        this.engine = engine;
        this.file = file.map(f -> new SettingsFile(f, engine::config, CHANGEABLE));
    }

    void read(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        if (user.role() == Role.VIEWER) {
            throw new ApiException(403, "forbidden", null, "reading the configuration needs the operator or"
                    + " engineer role");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", file.map(f -> f.path().toString()).orElse(null));
        body.put("applies", APPLIES);
        body.put("changeable", CHANGEABLE.stream().sorted().toList());
        body.put("config", SettingsFile.tree(engine.config()));
        Optional<DangConfig> saved = savedConfig();
        body.put("saved", saved.map(SettingsFile::tree).orElse(null));
        body.put("restart_pending", saved.isPresent() && !saved.get().equals(engine.config()));
        call.json(200, body);
    }

    void change(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        byte[] raw = call.body();
        AtomicReference<Map<String, Object>> answer = new AtomicReference<>();
        // perform() audits the result whatever it is: OK, DENIED (a viewer or operator), FAILED (with the error).
        engine.actions().perform(user, Action.CHANGE_SETTINGS, "configuration " + file.map(f -> f.path().toString())
                .orElse("(no file)"), () -> {
                    answer.set(apply(raw));
                    return answer.get().get("detail").toString();
                });
        call.json(200, answer.get());
    }

    /** Validates and writes the changes in {@code raw}; the answer's {@code detail} goes to the audit trail. */
    private Map<String, Object> apply(byte[] raw) {
        SettingsFile settings = file.orElseThrow(() -> new ApiException(409, "no_config_file", null, "this server"
                + " was started without a configuration file to write (dang serve --config FILE, or"
                + " ~/.dang/config.yaml)"));
        Map<String, JsonNode> changes = changes(raw);
        SettingsFile.Change change;
        try {
            change = settings.change(changes);
        } catch (SettingRefusedException e) {
            String field = e.key().isEmpty() ? null : "changes." + e.key();
            throw e.reason() == SettingRefusedException.Reason.UNKNOWN
                    ? new ApiException(400, "unknown_field", field, e.getMessage())
                    : ApiException.invalid(field, e.getMessage());
        } catch (ConfigException e) {
            throw fileInvalid(e);
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        change.changed().forEach((key, fromTo) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", fromTo.from());
            m.put("to", fromTo.to());
            changed.put(key, m);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("saved", true);
        answer.put("file", change.file().toString());
        answer.put("changed", changed);
        answer.put("applies", APPLIES);
        answer.put("detail", "saved " + change.summary() + " to " + change.file() + "; the engine uses it from its"
                + " next start (it reads its configuration once, at start)");
        return answer;
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

    /** The file's configuration, when there is a file; an invalid file is a 409 naming its problems. */
    private Optional<DangConfig> savedConfig() {
        try {
            return file.flatMap(SettingsFile::saved);
        } catch (ConfigException e) {
            throw fileInvalid(e);
        }
    }

    private static ApiException fileInvalid(ConfigException e) {
        return new ApiException(409, "config_file_invalid", null, "the configuration file on the server is not"
                + " valid, fix it there first: " + e.getMessage());
    }
}
