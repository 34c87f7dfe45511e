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
    private final boolean search;
    /** Text is the only filter: the search table alone answers, walked newest first by its primary key. */
    private final boolean searchOnly;
    /** The newest-first order of the matching seqs. */
    private final String order;

    private HistoryFilter(String where, List<Object> args, boolean search, boolean searchOnly, String order) {
        this.where = where;
        this.args = args;
        this.search = search;
        this.searchOnly = searchOnly;
        this.order = order;
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
                // The narrow lowercased search table of V8 (one line feed-separated line per decision), joined
                // by from(): newest-first pages walk it by seq and stop after the page.
                clauses.add("s.text LIKE ? ESCAPE '\\'");
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
        boolean search = q.text().isPresent() && q.text().get().indexOf('\n') < 0;
        boolean searchOnly = search && clauses.size() == 1;
        // With action (or source) the only filter, ordering by it too lets H2 walk the V5 index (action, seq)
        // backwards and stop after the page; ordered by seq alone it read and sorted every match.
        String order = searchOnly ? "s.seq DESC"
                : clauses.size() == 1 && q.action().isPresent() ? "d.action DESC, d.seq DESC"
                : clauses.size() == 1 && q.source().isPresent() ? "d.source DESC, d.seq DESC"
                : "d.seq DESC";
        return new HistoryFilter(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), args, search,
                searchOnly, order);
    }

    /** This filter restricted to decisions after seq {@code seq}. */
    HistoryFilter after(long seq) {
        List<Object> more = new ArrayList<>(args);
        more.add(seq);
        String clause = seqColumn() + " > ?";
        return new HistoryFilter(where.isEmpty() ? " WHERE " + clause : where + " AND " + clause, more, search,
                searchOnly, order);
    }

    /**
     * The matching seqs' source for counting and paging without the outcome join: the search table alone for a
     * text-only filter (H2 then walks its primary key newest first and stops after the page), else decisions.
     */
    String seqSource() {
        return searchOnly ? " FROM decision_search s " : from(" FROM decisions d ");
    }

    /** The ORDER BY of the matching seqs, newest first. */
    String order() {
        return order;
    }

    /** The seq column of {@link #seqSource()}. */
    String seqColumn() {
        return searchOnly ? "s.seq" : "d.seq";
    }

    /** {@code sql} (which reads {@code FROM decisions d ...}) with the search table joined when this filter needs it. */
    String from(String sql) {
        return search ? sql.replace(" FROM decisions d ", " FROM decision_search s JOIN decisions d ON d.seq = s.seq ")
                : sql;
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
