package org.dang.engine.server;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dang.engine.access.User;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.DecisionExport;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;
import org.dang.engine.store.OutcomeStatus;

/** {@code GET /decisions}: the history query of {@code dang history}, with paging and the same filters. */
final class DecisionsRoute implements Route.Handler {

    static final Set<String> PARAMETERS =
            Set.of("from", "to", "module", "source", "action", "outcome", "text", "offset", "limit");

    private final DecisionStore store;

    DecisionsRoute(DecisionStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpCall call, User user) throws IOException {
        DecisionQuery q = query(call.query(PARAMETERS));
        DecisionPage page = store.query(q);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(DecisionsRoute::item).toList());
        body.put("total", page.total());
        body.put("offset", page.offset());
        body.put("limit", page.limit());
        body.put("has_more", page.hasMore());
        call.json(200, body);
    }

    /** A decision's export fields plus when its latest outcome was recorded (the console's detail shows it). */
    static Map<String, Object> item(StoredDecision s) {
        Map<String, Object> m = new LinkedHashMap<>(DecisionExport.fields(s));
        m.put("outcome_time", s.outcome().map(DecisionOutcome::time).orElse(null));
        return m;
    }

    static DecisionQuery query(Map<String, String> p) {
        int limit = integer(p, "limit", 50, 1, DecisionQuery.MAX_LIMIT);
        int offset = integer(p, "offset", 0, 0, Integer.MAX_VALUE);
        return DecisionQuery.latest(limit).page(offset, limit)
                .between(time(p, "from"), time(p, "to"))
                .withModule(p.containsKey("module") ? ModuleName.fromKey(p.get("module")).orElseThrow(() ->
                        ApiException.invalid("module", "\"" + p.get("module")
                                + "\" is not a module; use forecasting, analysis or optimization")) : null)
                .withSource(constant(p, "source", DecisionSource::valueOf, "RULES, LLM or LLM_OVERRULED"))
                .withAction(constant(p, "action", DecisionAction::valueOf, "INVOKE, ALERT, DEFER or NONE"))
                .withOutcome(constant(p, "outcome", OutcomeStatus::valueOf, outcomes()))
                .withText(p.get("text"));
    }

    static int integer(Map<String, String> p, String name, int fallback, int min, int max) {
        String v = p.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw ApiException.invalid(name, name + " " + n + " is out of range; allowed " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " \"" + v + "\" is not a whole number");
        }
    }

    static Instant time(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " \"" + v + "\" is not a time; use 2026-11-24 or 2026-11-24T06:00:00Z");
        }
    }

    private static <E> E constant(Map<String, String> p, String name, Function<String, E> parse, String allowed) {
        String v = p.get(name);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, name + " \"" + v + "\" is not one of " + allowed);
        }
    }

    private static String outcomes() {
        return String.join(", ", Arrays.stream(OutcomeStatus.values()).map(Enum::name).toList());
    }
}
