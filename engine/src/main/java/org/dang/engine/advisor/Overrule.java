package org.dang.engine.advisor;

import java.util.Objects;

/** Why the model was overruled, with the detail an engineer needs (the field, the value, the rule). */
public record Overrule(OverruleReason reason, String detail) {
    public Overrule {
        Objects.requireNonNull(reason, "reason");
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** {@code REASON: detail}, as appended to the rules' rationale. */
    public String describe() {
        return reason.name() + ": " + detail;
    }
}
