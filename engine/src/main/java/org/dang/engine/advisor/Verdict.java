package org.dang.engine.advisor;

import java.util.Objects;
import java.util.Optional;

/**
 * The engine's judgement of one model reply.
 *
 * @param advice   the parsed decision when the answer passed the schema (kept even when a rule then overrules it)
 * @param overrule why the rules decide instead; empty when the model's decision stands
 */
public record Verdict(Optional<ModelAdvice> advice, Optional<Overrule> overrule) {
    public Verdict {
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(overrule, "overrule");
        if (overrule.isEmpty() && advice.isEmpty()) {
            throw new IllegalArgumentException("a verdict without advice must say why the model was overruled");
        }
    }

    /** Whether the model's decision stands. */
    public boolean accepted() {
        return overrule.isEmpty();
    }
}
