package org.dang.engine.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dang.engine.llm.ModelInfo;

/**
 * One question to the model and the engine's verdict on the answer: everything the record of a
 * model-assisted decision keeps.
 *
 * @param id            advice id
 * @param askedAt       when the model was asked
 * @param askedBecause  the ambiguity reasons (or the operator's request)
 * @param operatorText  the operator's question, empty when the rules asked
 * @param promptVersion prompt template version
 * @param promptHash    SHA-256 of the filled prompt
 * @param model         backend and model asked (the one that answered when known)
 * @param finish        the reply's finish reason, or TIMEOUT
 * @param reasoning     the model's reasoning text
 * @param rawOutput     the answer exactly as given
 * @param verdict       the parsed decision and/or why it was overruled
 * @param latency       asking to final message
 * @param recent        the recent decisions shown in the prompt, in their bounded form
 */
public record Advice(UUID id, Instant askedAt, List<String> askedBecause, String operatorText, String promptVersion,
                     String promptHash, ModelInfo model, String finish, String reasoning, String rawOutput,
                     Verdict verdict, Duration latency, List<Map<String, Object>> recent) {

    /** The finish value recorded when no reply came before the deadline. */
    public static final String TIMEOUT = "TIMEOUT";

    public Advice {
        Objects.requireNonNull(id, "id");
        askedBecause = List.copyOf(askedBecause);
        operatorText = Objects.requireNonNullElse(operatorText, "");
        recent = List.copyOf(recent);
    }
}
