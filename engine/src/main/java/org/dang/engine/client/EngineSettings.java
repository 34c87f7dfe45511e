package org.dang.engine.client;

import java.util.Map;

import org.dang.engine.access.Action;
import org.dang.engine.access.User;

/**
 * The engine's configuration as a console edits it, embedded or remote: read the settings, change some
 * by key, and who may. Keys are the YAML leaf paths of docs/configuration.md (e.g.
 * {@code decision_engine.rules.market_sigma}); changes land in a configuration file and the engine uses
 * them from its next start. Calls block (a file or a request): make them off the FX thread.
 */
public interface EngineSettings {

    /** Who changes settings through this. */
    User user();

    /** Where the settings live, in words: this workstation, or the engine's URL. */
    String where();

    /**
     * The settings now.
     *
     * @throws org.dang.engine.access.AccessDeniedException when the user may not read them (a viewer on a remote engine)
     * @throws org.dang.engine.config.ConfigException      when the configuration file is not valid
     * @throws RuntimeException                             when a remote engine cannot be reached, saying which
     */
    SettingsSnapshot read();

    /**
     * Changes settings, audited as {@code change_settings}: each key to a string, number, boolean or list of those.
     *
     * @throws org.dang.engine.config.SettingRefusedException naming the setting the engine refused and why
     * @throws org.dang.engine.access.AccessDeniedException   when the user's role may not change settings
     * @throws RuntimeException                                when nothing could be written or the engine cannot
     *                                                         be reached, saying which; nothing changed then
     */
    SavedSettings change(Map<String, Object> changes);

    /** Whether the user's role may change settings. */
    default boolean mayChange() {
        return Action.CHANGE_SETTINGS.allowedFor(user().role());
    }

    /** Why the user may not change settings, for a tooltip; empty when they may. */
    default String whyNot() {
        return Action.CHANGE_SETTINGS.denialReason(user().role());
    }
}
