package org.dang.engine.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionPriority;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.decision.Trigger;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;

/** Maps rows of the decisions table (joined with their latest outcome) back to records. */
final class DecisionRows {

    static final String COLUMNS = "d.seq, d.id, d.decided_at, d.situation_id, d.situation_hash, d.triggers, d.action,"
            + " d.module, d.priority, d.parameters, d.rationale, d.reasoning, d.confidence, d.source, d.latency_us,"
            + " d.prev_hash, d.hash, o.recorded_at AS outcome_at, o.status AS outcome_status, o.detail AS outcome_detail";

    /** Latest outcome per decision, joined in every history read. */
    static final String FROM = " FROM decisions d LEFT JOIN decision_outcomes o ON o.id ="
            + " (SELECT MAX(o2.id) FROM decision_outcomes o2 WHERE o2.decision_id = d.id)";

    private static final TypeReference<List<Trigger>> TRIGGERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };

    private DecisionRows() {
    }

    static StoredDecision map(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        try {
            String module = rs.getString("module");
            Decision d = new Decision(
                    rs.getObject("id", UUID.class),
                    rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                    rs.getString("situation_id"),
                    Json.mapper().readValue(rs.getString("triggers"), TRIGGERS),
                    DecisionAction.valueOf(rs.getString("action")),
                    module == null ? null : ModuleName.fromKey(module).orElseThrow(
                            () -> new IllegalArgumentException("unknown module '" + module + "'")),
                    DecisionPriority.parse(rs.getString("priority")),
                    Json.mapper().readValue(rs.getString("parameters"), PARAMETERS),
                    rs.getString("rationale"),
                    rs.getString("reasoning"),
                    rs.getDouble("confidence"),
                    DecisionSource.valueOf(rs.getString("source")),
                    Duration.ofNanos(rs.getLong("latency_us") * 1000));
            Optional<DecisionOutcome> outcome = Optional.ofNullable(rs.getString("outcome_status"))
                    .map(st -> outcome(rs, d.id(), st));
            return new StoredDecision(seq, d, rs.getString("situation_hash"), rs.getString("prev_hash"),
                    rs.getString("hash"), outcome);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new SQLException("decision row seq " + seq + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static DecisionOutcome outcome(ResultSet rs, UUID id, String status) {
        try {
            return new DecisionOutcome(id, rs.getObject("outcome_at", OffsetDateTime.class).toInstant(),
                    OutcomeStatus.valueOf(status), rs.getString("outcome_detail"));
        } catch (SQLException e) {
            throw new IllegalArgumentException("outcome of decision " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
