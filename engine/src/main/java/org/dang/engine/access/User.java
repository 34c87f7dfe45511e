package org.dang.engine.access;

import java.util.Objects;

/** The person at the console (or calling the API): name, role, and where they act from. */
public record User(String name, Role role, String origin) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        origin = Objects.requireNonNullElse(origin, "");
    }
}
