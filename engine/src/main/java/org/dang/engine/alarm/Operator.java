package org.dang.engine.alarm;

import java.util.Objects;

/**
 * Who gives an alarm command, as the audit trail records it.
 *
 * @param name   user name
 * @param role   viewer, operator or engineer
 * @param origin where from: console host name or remote address
 */
public record Operator(String name, String role, String origin) {
    public Operator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(origin, "origin");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an operator needs a name");
        }
    }
}
