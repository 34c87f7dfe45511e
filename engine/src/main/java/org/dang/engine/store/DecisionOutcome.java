package org.dang.engine.store;

import java.time.Instant;
import java.util.UUID;

/** An outcome recorded for a decision. */
public record DecisionOutcome(UUID decisionId, Instant time, OutcomeStatus status, String detail) {
}
