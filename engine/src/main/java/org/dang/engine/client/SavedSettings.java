package org.dang.engine.client;

import java.util.Map;

/**
 * What one change of settings wrote.
 *
 * @param file    the configuration file written (on the engine's host when remote)
 * @param changed each changed key with its new value
 * @param detail  the change in words, as the audit trail has it
 */
public record SavedSettings(String file, Map<String, Object> changed, String detail) {

    /** Copies the map. */
    public SavedSettings {
        changed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changed));
    }
}
