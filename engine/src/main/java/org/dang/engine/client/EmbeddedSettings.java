package org.dang.engine.client;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.config.SettingsFile;
import org.dang.engine.json.Json;

/**
 * Settings of the engine in this process: read from its running configuration, changed in this
 * workstation's configuration file (validated, written whole, audited), used from the next start.
 */
final class EmbeddedSettings implements EngineSettings {

    private final Engine engine;
    private final User user;
    private final Set<String> sections = new LinkedHashSet<>();
    private final SettingsFile file;

    EmbeddedSettings(Engine engine, User user, Path file) {
        this.engine = engine;
        this.user = user;
        // The user's own file: every section may change (the API limits what a remote client may).
        SettingsFile.tree(engine.config()).fieldNames().forEachRemaining(sections::add);
        this.file = new SettingsFile(file, engine::config, sections);
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public String where() {
        return "this workstation";
    }

    @Override
    public SettingsSnapshot read() {
        return SettingsSnapshot.of(SettingsFile.tree(engine.config()), file.saved().map(SettingsFile::tree)
                .orElse(null), Optional.of(file.path().toString()), sections);
    }

    @Override
    public SavedSettings change(Map<String, Object> changes) {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        changes.forEach((k, v) -> json.put(k, Json.mapper().valueToTree(v)));
        AtomicReference<SettingsFile.Change> done = new AtomicReference<>();
        String detail = engine.actions().perform(user, Action.CHANGE_SETTINGS, file.path().toString(), () -> {
            done.set(file.change(json));
            return "saved " + done.get().summary() + " to " + file.path() + "; the engine uses it from its next start";
        });
        Map<String, Object> changed = new LinkedHashMap<>();
        done.get().changed().forEach((k, ft) -> changed.put(k, Json.mapper().convertValue(ft.to(), Object.class)));
        return new SavedSettings(file.path().toString(), changed, detail);
    }
}
