package org.dang.engine.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;
import org.dang.engine.situation.KpiReading;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.PlantEvent;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;

/**
 * The compact, bounded summary of a situation that goes into the advisor prompt: plant state,
 * active alarms, market findings, module health, the rules' decisions and recent decisions.
 * Every list is capped (what was left out is counted) and every string is cut to
 * {@link #MAX_TEXT} characters, so the data block never exceeds {@link #MAX_CHARS}. The block is
 * JSON in which {@code <} and {@code >} are escaped, so no string inside it can close the
 * {@code <plant-data>} delimiter around it.
 */
public final class PlantSummary {

    /** Longest string kept (characters); longer ones are cut and marked with an ellipsis. */
    public static final int MAX_TEXT = 160;
    /** Longest name kept (tag names, units, alarm sources). */
    public static final int MAX_NAME = 64;
    /** Most tags listed (the ones with bad quality first). */
    public static final int MAX_TAGS = 40;
    /** Most active alarms (plant events) listed, most severe first. */
    public static final int MAX_ALARMS = 12;
    /** Most KPIs, schedule windows, operator requests, rule decisions and recent decisions, each. */
    public static final int MAX_ITEMS = 10;
    /** Upper bound of the data block's length, implied by the caps above (checked by a test). */
    public static final int MAX_CHARS = 32_000;

    private PlantSummary() {
    }

    /** The JSON data block for the prompt. */
    public static String dataBlock(Situation s, List<Decision> ruleDecisions, List<Map<String, Object>> recent,
                                   List<String> askedBecause, String operatorText) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("situation", Map.of("id", cut(s.id()), "time", s.time().toString(), "description", cut(s.description())));
        m.put("asked_because", capped(askedBecause.stream().map(PlantSummary::cut).toList(), MAX_ITEMS, m, "asked_because"));
        if (operatorText != null && !operatorText.isBlank()) {
            m.put("operator_question", cut(operatorText));
        }
        List<TagSnapshot> tags = s.tags().stream()
                .sorted(Comparator.comparing((TagSnapshot t) -> t.quality() == Quality.GOOD).thenComparing(TagSnapshot::tag))
                .toList();
        m.put("tags", capped(tags.stream().map(PlantSummary::tag).toList(), MAX_TAGS, m, "tags"));
        List<PlantEvent> alarms = s.events().stream()
                .sorted(Comparator.comparing((PlantEvent e) -> e.severity().ordinal())).toList();
        m.put("active_alarms", capped(alarms.stream().map(PlantSummary::alarm).toList(), MAX_ALARMS, m, "active_alarms"));
        m.put("performance", capped(s.performance().stream().map(PlantSummary::kpi).toList(), MAX_ITEMS, m, "performance"));
        if (s.market() != null) {
            var mk = s.market();
            m.put("market", Map.of("price_move_sigma", mk.priceMoveSigma(), "crack_spread_move_sigma",
                    mk.crackSpreadMoveSigma(), "inventory_surprise_sigma", mk.inventorySurpriseSigma(),
                    "margin_shift_pct", mk.marginShiftPct(), "data_quality", mk.dataQuality().name()));
        }
        m.put("schedule", capped(s.schedule().stream().map(w -> (Object) Map.of("kind", w.kind().name(),
                "start", String.valueOf(w.start()), "end", String.valueOf(w.end()),
                "description", cut(w.description()))).toList(), MAX_ITEMS, m, "schedule"));
        m.put("operator_requests", capped(s.operatorRequests().stream().map(PlantSummary::request).toList(),
                MAX_ITEMS, m, "operator_requests"));
        Map<String, Object> health = new TreeMap<>();
        s.modules().forEach((k, v) -> health.put(k.key(), Map.of("queue_depth", v.queueDepth(),
                "last_run", String.valueOf(v.lastRun()), "cached_result_valid", v.cachedResultValid(),
                "inputs_moved_pct", v.inputsMovedPct())));
        m.put("module_health", health);
        // Without their time: the rules decide again on replay, and the prompt must hash the same.
        m.put("rule_decisions", capped(ruleDecisions.stream().map(d -> {
            Map<String, Object> r = recent(d);
            r.remove("time");
            return (Object) r;
        }).toList(), MAX_ITEMS, m,
                "rule_decisions"));
        m.put("recent_decisions", capped(new ArrayList<Object>(recent), MAX_ITEMS, m, "recent_decisions"));
        // Canonical (sorted keys): Map.of iterates in a per-JVM random order, and replay in another process
        // must rebuild the very same prompt bytes.
        return Json.canonical(m).replace("<", "\\u003c").replace(">", "\\u003e");
    }

    /** The bounded form of a decision as the prompt shows it (and as the advice record keeps recent ones). */
    public static Map<String, Object> recent(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", d.time().toString());
        m.put("action", d.action().name());
        m.put("module", d.module() == null ? null : d.module().key());
        m.put("priority", d.priority() == null ? null : d.priority().name());
        m.put("source", d.source().name());
        m.put("rationale", cut(d.rationale()));
        return m;
    }

    private static Object tag(TagSnapshot t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", cut(t.tag(), MAX_NAME));
        m.put("value", t.value() == null || !Double.isFinite(t.value()) ? null : t.value());
        m.put("unit", cut(t.unit(), MAX_NAME));
        m.put("quality", t.quality().name());
        if (t.range() != null) {
            m.put("range", List.of(t.range().low(), t.range().high()));
        }
        return m;
    }

    private static Object request(OperatorRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", cut(r.id()));
        m.put("module", r.module() == null ? null : r.module().key()); // null: the request is in words only
        m.put("parameters", cut(Json.write(r.parameters())));
        m.put("requested_by", cut(r.requestedBy()));
        m.put("text", cut(r.text()));
        return m;
    }

    private static Object alarm(PlantEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("severity", e.severity().name());
        m.put("source", cut(e.source(), MAX_NAME));
        m.put("description", cut(e.description()));
        m.put("tags", e.tags().stream().limit(3).map(t -> cut(t, MAX_NAME)).toList());
        m.put("degrades_performance", e.degradesPerformance());
        return m;
    }

    private static Object kpi(KpiReading k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kpi", cut(k.kpi()));
        m.put("value", Double.isFinite(k.value()) ? k.value() : null);
        m.put("baseline", Double.isFinite(k.baseline()) ? k.baseline() : null);
        m.put("higher_is_better", k.higherIsBetter());
        return m;
    }

    private static List<Object> capped(List<?> items, int max, Map<String, Object> into, String name) {
        if (items.size() > max) {
            into.put(name + "_omitted", items.size() - max);
        }
        return new ArrayList<>(items.subList(0, Math.min(max, items.size())));
    }

    static String cut(String s) {
        return cut(s, MAX_TEXT);
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
