package org.dang.engine.client.remote;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.access.User;
import org.dang.engine.client.EngineSettings;
import org.dang.engine.client.SavedSettings;
import org.dang.engine.client.SettingsSnapshot;
import org.dang.engine.config.SettingRefusedException;
import org.dang.engine.json.Json;

/**
 * Settings of a remote engine over {@code GET /config} and {@code PATCH /config}: the server validates,
 * writes its own configuration file and audits; a refusal that names a setting comes back as a
 * {@link SettingRefusedException} for that setting.
 */
final class RemoteEngineSettings implements EngineSettings {

    private static final String CHANGES = "changes.";

    private final EngineHttp http;
    private final User user;

    RemoteEngineSettings(EngineHttp http, User user) {
        this.http = http;
        this.user = user;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public String where() {
        return "the engine at " + http.engine();
    }

    @Override
    public SettingsSnapshot read() {
        JsonNode body = http.get("/config");
        Set<String> changeable = new LinkedHashSet<>();
        body.path("changeable").forEach(s -> changeable.add(s.asText()));
        JsonNode file = body.path("file");
        return SettingsSnapshot.of(body.path("config"), body.path("saved"), file.isTextual()
                ? Optional.of(file.asText()) : Optional.empty(), changeable);
    }

    @Override
    public SavedSettings change(Map<String, Object> changes) {
        JsonNode answer;
        try {
            answer = http.patch("/config", Map.of("changes", changes));
        } catch (RemoteEngineException e) {
            Optional<String> field = e.field().filter(f -> f.startsWith(CHANGES));
            if (e.status() == 400 && field.isPresent()) {
                throw new SettingRefusedException(field.get().substring(CHANGES.length()),
                        "unknown_field".equals(e.error()) ? SettingRefusedException.Reason.UNKNOWN
                                : SettingRefusedException.Reason.INVALID, e.getMessage());
            }
            throw e;
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        answer.path("changed").properties().forEach(c -> changed.put(c.getKey(),
                Json.mapper().convertValue(c.getValue().path("to"), Object.class)));
        return new SavedSettings(answer.path("file").asText(), changed, answer.path("detail").asText());
    }
}
