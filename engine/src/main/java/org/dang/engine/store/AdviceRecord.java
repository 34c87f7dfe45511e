package org.dang.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One question to the language model and what came of it, as the store keeps it (table {@code advice}).
 *
 * @param id             advice id
 * @param askedAt        when the model was asked
 * @param situationHash  hash of the stored situation (see {@link DecisionStore#situationJson})
 * @param askedBecause   JSON list of the reasons for asking
 * @param operatorText   the operator's question, empty when the rules asked
 * @param promptVersion  prompt template version
 * @param promptHash     SHA-256 of the filled prompt
 * @param backend        backend that answered (or was asked)
 * @param model          model id
 * @param finish         finish reason, or TIMEOUT
 * @param reasoning      the model's reasoning text
 * @param rawOutput      the model's answer as given
 * @param parsedJson     the validated decision as JSON, null when it did not parse
 * @param overruleReason why the rules decided instead, null when the model's decision stood
 * @param overruleDetail the detail of the overrule, null with it
 * @param latency        from asking to the final message
 * @param recentJson     JSON list of the recent decisions the prompt showed
 * @param decisionIds    the decisions made in this cycle
 */
public record AdviceRecord(UUID id, Instant askedAt, String situationHash, String askedBecause, String operatorText,
                           String promptVersion, String promptHash, String backend, String model, String finish,
                           String reasoning, String rawOutput, String parsedJson, String overruleReason,
                           String overruleDetail, Duration latency, String recentJson, List<UUID> decisionIds) {
    public AdviceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(situationHash, "situationHash");
        Objects.requireNonNull(latency, "latency");
        decisionIds = List.copyOf(decisionIds);
    }
}
