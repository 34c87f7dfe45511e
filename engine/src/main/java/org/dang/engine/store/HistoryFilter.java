package org.dang.engine.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@link DecisionQuery} into a parameterised WHERE clause (never string-spliced values). */
final class HistoryFilter {

    private final String where;
    private final List<Object> args;

    private HistoryFilter(String where, List<Object> args) {
        this.where = where;
        this.args = args;
    }

    static HistoryFilter of(DecisionQuery q) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        q.from().ifPresent(t -> {
            clauses.add("d.decided_at >= ?");
            args.add(t.atOffset(ZoneOffset.UTC));
        });
        q.to().ifPresent(t -> {
            clauses.add("d.decided_at < ?");
            args.add(t.atOffset(ZoneOffset.UTC));
        });
        q.module().ifPresent(m -> {
            clauses.add("d.module = ?");
            args.add(m.key());
        });
        q.source().ifPresent(s -> {
            clauses.add("d.source = ?");
            args.add(s.name());
        });
        q.action().ifPresent(a -> {
            clauses.add("d.action = ?");
            args.add(a.name());
        });
        q.outcome().ifPresent(o -> {
            clauses.add("o.status = ?");
            args.add(o.name());
        });
        q.text().ifPresent(t -> {
            String like = "%" + t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            if (t.indexOf('\n') < 0) {
                // The narrow lowercased search table of V8: one line feed-separated line per decision.
                clauses.add("d.seq IN (SELECT s.seq FROM decision_search s WHERE s.text LIKE ? ESCAPE '\\')");
                args.add(like);
            } else {
                // A line feed would match across the search table's field separators: match field by field.
                clauses.add("(LOWER(d.rationale) LIKE ? ESCAPE '\\' OR LOWER(d.triggers) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(d.situation_id) LIKE ? ESCAPE '\\')");
                args.add(like);
                args.add(like);
                args.add(like);
            }
        });
        return new HistoryFilter(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), args);
    }

    /** This filter and {@code clause} with its one argument. */
    HistoryFilter and(String clause, Object arg) {
        List<Object> more = new ArrayList<>(args);
        more.add(arg);
        return new HistoryFilter(where.isEmpty() ? " WHERE " + clause : where + " AND " + clause, more);
    }

    String where() {
        return where;
    }

    /** Binds the arguments and returns the next free parameter index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }
}
