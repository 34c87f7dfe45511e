package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.situation.Situation;

class AmbiguityCheckTest {

    private final DangConfig config = DangConfig.defaults();
    private final DecisionEngine rules = new DecisionEngine(config, InstantSource.system());
    private final AmbiguityCheck check = new AmbiguityCheck(config.decisionEngine().rules(), config.modules());

    private List<String> reasons(Situation s) {
        return check.assess(s, rules.decide(s)).reasons();
    }

    @Test
    void clearSituationIsNotAmbiguous() {
        assertFalse(check.assess(Situations.clear(), rules.decide(Situations.clear())).ambiguous());
    }

    @Test
    void twoTriggerKindsBehindModuleWorkAreSeveralTriggers() {
        List<String> r = reasons(Situations.severalTriggers());
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.getFirst().startsWith("SEVERAL_TRIGGERS: module work rests on MARKET, PERFORMANCE"), r.toString());
    }

    @Test
    void oneTriggerKindIsNotAmbiguous() {
        Situation s = Situations.parse("""
                {"id":"perf","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}]}"""
                .formatted(Situations.tags("\"value\":3.0")));
        assertEquals(List.of(), reasons(s));
    }

    @Test
    void requiredTagNearItsRangeEdgeIsBorderline() {
        // top_pressure range 1..5: 4.8 is 0.2 from the top, exactly 5 % of the span (inclusive); 4.7 is not.
        String json = """
                {"id":"edge","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}]}""";
        List<String> near = reasons(Situations.parse(json.formatted(Situations.tags("\"value\":4.8"))));
        assertEquals(1, near.size(), near.toString());
        assertTrue(near.getFirst().startsWith("BORDERLINE_DATA: required tag \"top_pressure\" = 4.8"), near.toString());
        assertEquals(List.of(), reasons(Situations.parse(json.formatted(Situations.tags("\"value\":4.7")))));
    }

    @Test
    void marketMoveJustUnderItsThresholdIsBorderline() {
        String json = """
                {"id":"mk","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "market":{"price_move_sigma":%s,"crack_spread_move_sigma":0,"inventory_surprise_sigma":0,
                           "margin_shift_pct":0}}""";
        List<String> r = reasons(Situations.parse(json.formatted(Situations.tags("\"value\":3.0"), "-1.9")));
        assertEquals(List.of("BORDERLINE_DATA: price move 1.90 is just under its threshold 2.00"), r);
        // 1.8 is exactly 0.9 x 2.0: not above it, so not borderline; 2.0 itself does not fire either (strict).
        assertEquals(List.of(), reasons(Situations.parse(json.formatted(Situations.tags("\"value\":3.0"), "1.8"))));
        assertEquals(List.of("BORDERLINE_DATA: price move 2.00 is just under its threshold 2.00"),
                reasons(Situations.parse(json.formatted(Situations.tags("\"value\":3.0"), "2.0"))));
    }

    @Test
    void safetyWorkAndAnOperatorRequestAtOnceConflict() {
        List<String> r = reasons(Situations.safetyAndOperator());
        assertTrue(r.contains("CONFLICTING_PRIORITIES: safety work on optimization and operator requests for"
                + " forecasting at once"), r.toString());
    }

    @Test
    void deferredOperatorRequestConflicts() {
        Situation s = Situations.parse("""
                {"id":"gated-op","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "operator_requests":[{"id":"r-9","module":"optimization"}]}"""
                .formatted(Situations.tags("\"value\":3.0,\"quality\":\"BAD\"")));
        assertEquals(List.of("CONFLICTING_PRIORITIES: operator request \"r-9\" for optimization is deferred by the rules"),
                reasons(s));
    }

    @Test
    void aRequestInWordsOnlyIsOperatorWordsQuotedAsData() {
        Situation s = Situations.parse("""
                {"id":"words","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "operator_requests":[{"id":"r-\\"7","text":"forecast \\"naphtha\\" please"},
                                      {"id":"r-8","module":"forecasting"}]}"""
                .formatted(Situations.tags("\"value\":3.0")));
        List<String> r = reasons(s);
        assertEquals(List.of("OPERATOR_WORDS: operator request \"r-\\\"7\" names no module; its words are"
                + " \"forecast \\\"naphtha\\\" please\""), r);
    }
}
