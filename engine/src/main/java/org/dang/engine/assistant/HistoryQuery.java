package org.dang.engine.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.DecisionQuery;

/**
 * Which decision records the model (or the engine's pre-fetch) wants: every filter optional, newest first.
 *
 * @param from   decided at or after
 * @param to     decided before
 * @param module module concerned
 * @param action the decision's action
 * @param text   case-insensitive words of the rationale, triggers or situation id
 * @param limit  records, 1 to {@link #MAX_LIMIT}
 */
public record HistoryQuery(Optional<Instant> from, Optional<Instant> to, Optional<ModuleName> module,
                           Optional<DecisionAction> action, Optional<String> text, int limit) {

    /** Most records one query gives the model. */
    public static final int MAX_LIMIT = 20;
    /** Records when the query names no limit. */
    public static final int DEFAULT_LIMIT = 10;

    public HistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The store query. */
    public DecisionQuery toDecisionQuery() {
        DecisionQuery q = DecisionQuery.latest(limit).between(from.orElse(null), to.orElse(null));
        return q.withModule(module.orElse(null)).withAction(action.orElse(null)).withText(text.orElse(null));
    }

    /** The query as JSON-ready data. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        from.ifPresent(t -> m.put("from", t.toString()));
        to.ifPresent(t -> m.put("to", t.toString()));
        module.ifPresent(x -> m.put("module", x.key()));
        action.ifPresent(x -> m.put("action", x.name()));
        text.ifPresent(x -> m.put("text", x));
        m.put("limit", limit);
        return m;
    }

    /**
     * A time bound as the schema allows it: an ISO-8601 instant, or a date (UTC) meaning its start, or
     * for an upper bound its end.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    static Instant time(String field, String value, boolean upper) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (upper ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + v + "' is neither an ISO-8601 instant such as"
                    + " 2026-11-24T03:00:00Z nor a date such as 2026-11-24");
        }
    }
}
