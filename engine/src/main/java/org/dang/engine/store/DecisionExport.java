package org.dang.engine.store;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dang.engine.json.Json;

/** Writes history as CSV (RFC 4180) or JSON Lines, one decision per row or line. */
public final class DecisionExport {

    private static final List<String> CSV_COLUMNS = List.of("seq", "id", "time", "situation_id", "action", "module",
            "priority", "source", "confidence", "latency_us", "outcome", "outcome_detail", "rationale", "triggers",
            "parameters", "situation_hash", "hash");

    private DecisionExport() {
    }

    /** All fields of a stored decision, in a stable order (the JSON Lines record). */
    public static Map<String, Object> fields(StoredDecision s) {
        Map<String, Object> m = new LinkedHashMap<>(ChainHash.content(s.seq(), s.decision(), s.situationHash()));
        m.put("outcome", s.outcome().map(o -> o.status().name()).orElse(null));
        m.put("outcome_detail", s.outcome().map(DecisionOutcome::detail).orElse(null));
        m.put("prev_hash", s.prevHash());
        m.put("hash", s.hash());
        return m;
    }

    /** Writes a CSV header and one row per decision. */
    public static void csv(Iterable<StoredDecision> decisions, Writer out) throws IOException {
        out.write(String.join(",", CSV_COLUMNS));
        out.write("\r\n");
        for (StoredDecision s : decisions) {
            Map<String, Object> f = fields(s);
            StringBuilder row = new StringBuilder();
            for (String col : CSV_COLUMNS) {
                if (!row.isEmpty()) {
                    row.append(',');
                }
                row.append(csvCell(f.get(col)));
            }
            out.write(row.append("\r\n").toString());
        }
        out.flush();
    }

    /** Writes one JSON object per line. */
    public static void jsonLines(Iterable<StoredDecision> decisions, Writer out) throws IOException {
        for (StoredDecision s : decisions) {
            out.write(Json.write(fields(s)));
            out.write('\n');
        }
        out.flush();
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof String str ? str : (v instanceof Number || v instanceof Boolean) ? v.toString()
                : Json.write(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
