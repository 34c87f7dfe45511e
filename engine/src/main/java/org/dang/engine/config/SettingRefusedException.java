package org.dang.engine.config;

import java.io.Serial;

/**
 * A change to one setting that cannot be made; {@link #key()} names the setting (a YAML leaf path such as
 * {@code decision_engine.rules.market_sigma}) and the message says why and what is allowed.
 */
public final class SettingRefusedException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** There is no such setting. */
        UNKNOWN,
        /** The setting exists but cannot be changed this way (e.g. {@code store} over the API). */
        NOT_CHANGEABLE,
        /** The value is not allowed (wrong type, out of range, a section instead of a leaf). */
        INVALID
    }

    private final String key;
    private final Reason reason;

    /** A refusal of the change to {@code key}. */
    public SettingRefusedException(String key, Reason reason, String message) {
        super(message);
        this.key = key;
        this.reason = reason;
    }

    /** The setting, as a YAML leaf path. */
    public String key() {
        return key;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
