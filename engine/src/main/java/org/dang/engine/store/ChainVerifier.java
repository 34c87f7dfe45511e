package org.dang.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Walks the decision chain in order and recomputes every link from the stored columns, so an edit
 * of any column, a deleted or inserted row, or a changed situation body is found at its row.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    static ChainVerification verify(Connection c) throws SQLException {
        String prev = ChainHash.GENESIS;
        long expectedSeq = 1;
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionRows.COLUMNS + ", s.body AS body"
                + DecisionRows.FROM + " LEFT JOIN situations s ON s.hash = d.situation_hash"
                + " ORDER BY d.seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    Optional<String> problem = check(rs, seq, expectedSeq, prev);
                    if (problem.isPresent()) {
                        return new ChainVerification(rows, prev, Optional.of(seq), problem.get());
                    }
                    prev = rs.getString("hash");
                    expectedSeq++;
                    rows++;
                }
            }
        }
        return new ChainVerification(rows, prev, Optional.empty(), "");
    }

    private static Optional<String> check(ResultSet rs, long seq, long expectedSeq, String prev) throws SQLException {
        if (seq != expectedSeq) {
            return Optional.of("expected row " + expectedSeq + " but found " + seq + " (rows missing)");
        }
        if (!prev.equals(rs.getString("prev_hash"))) {
            return Optional.of("prev_hash does not match the hash of row " + (seq - 1));
        }
        String body = rs.getString("body");
        if (body == null) {
            return Optional.of("its situation " + rs.getString("situation_hash") + " is missing");
        }
        if (!ChainHash.sha256(body).equals(rs.getString("situation_hash"))) {
            return Optional.of("its situation body was changed (hash mismatch)");
        }
        StoredDecision d;
        try {
            d = DecisionRows.map(rs);
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
        String recomputed = ChainHash.link(prev, seq, d.decision(), d.situationHash());
        if (!recomputed.equals(d.hash())) {
            return Optional.of("stored content does not match its hash (a column was changed)");
        }
        return Optional.empty();
    }
}
