package org.dang.engine.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dang.engine.decision.Decision;

/**
 * A question to the model that has not been answered yet, as the console and the API show it.
 *
 * @param id           the id its advice is recorded under
 * @param situationId  the situation it is about
 * @param askedBecause the ambiguity reasons, or the operator's request first
 * @param operatorText the operator's question; empty when the rules asked
 * @param askedBy      the operator's name, or {@code rules} for an ambiguous cycle
 * @param askedAt      when it was held
 * @param deadline     when the rules decide alone if the model has not answered
 * @param held         the rules' decisions waiting for the answer (what happens if the model says nothing)
 * @param reasoning    the model's reasoning so far
 * @param answer       the model's answer text so far
 */
public record PendingAdvice(UUID id, String situationId, List<String> askedBecause, String operatorText, String askedBy,
                            Instant askedAt, Instant deadline, List<Decision> held, String reasoning, String answer) {

    /** {@link #askedBy} of a request the rules made. */
    public static final String RULES = "rules";

    public PendingAdvice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(deadline, "deadline");
        askedBecause = List.copyOf(askedBecause);
        operatorText = Objects.requireNonNullElse(operatorText, "");
        held = List.copyOf(held);
        reasoning = Objects.requireNonNullElse(reasoning, "");
        answer = Objects.requireNonNullElse(answer, "");
    }

    /** Whether an operator asked (rather than the rules finding the situation ambiguous). */
    public boolean operatorAsked() {
        return !RULES.equals(askedBy);
    }

    /** The fraction of the deadline used at {@code now}, 0 to 1. */
    public double elapsedFraction(Instant now) {
        long total = Duration.between(askedAt, deadline).toMillis();
        long used = Duration.between(askedAt, now).toMillis();
        return total <= 0 ? 1 : Math.clamp((double) used / total, 0.0, 1.0);
    }
}
