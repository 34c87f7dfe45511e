package org.dang.engine.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;

/**
 * One row of the decisions table exactly as stored: the journal writes it, recovery and the
 * store writer insert it, so the live and the recovered paths cannot differ.
 */
record DecisionRow(long seq, String id, Instant decidedAt, String situationId, String situationHash,
                   String triggers, String action, String module, String priority, String parameters,
                   String rationale, String reasoning, double confidence, String source, long latencyUs,
                   String prevHash, String hash) {

    static DecisionRow of(long seq, Decision d, String situationHash, String prevHash, String hash) {
        return new DecisionRow(seq, d.id().toString(), d.time().truncatedTo(ChronoUnit.MICROS), d.situationId(),
                situationHash, Json.canonical(d.triggers()), d.action().name(),
                d.module() == null ? null : d.module().key(), d.priority() == null ? null : d.priority().name(),
                Json.canonical(d.parameters()), d.rationale(), d.reasoning(), d.confidence(), d.source().name(),
                ChainHash.latencyMicros(d), prevHash, hash);
    }
}
