package org.dang.engine.store;

import java.time.Instant;
import java.util.List;

/** What one {@code record()} call appends to the journal: a situation and its chained decision rows. */
record JournalEntry(String situationHash, String situationId, String situationBody, Instant recordedAt,
                    List<DecisionRow> rows) {

    long lastSeq() {
        return rows.isEmpty() ? 0 : rows.getLast().seq();
    }
}
