package org.dang.engine.advisor;

import java.util.List;

/**
 * Why a situation deserves the model's opinion; empty when the rules are clear on their own. Each
 * reason starts with its kind: {@code SEVERAL_TRIGGERS}, {@code BORDERLINE_DATA},
 * {@code CONFLICTING_PRIORITIES}, {@code OPERATOR_WORDS} or {@code OPERATOR_REQUEST}.
 */
public record Ambiguity(List<String> reasons) {
    public Ambiguity {
        reasons = List.copyOf(reasons);
    }

    /** Whether the model should be asked. */
    public boolean ambiguous() {
        return !reasons.isEmpty();
    }
}
