package org.dang.engine.advisor;

import org.dang.engine.situation.Situation;
import org.dang.engine.situation.SituationReader;

/** Situations for the advisor tests, written as the JSON the engine reads. */
final class Situations {

    private Situations() {
    }

    /** The optimisation inputs, GOOD and mid-range unless {@code topPressure} says otherwise. */
    static String tags(String topPressure) {
        return """
                {"tag":"feed_rate","value":100.0,"range":{"low":0,"high":200}},
                {"tag":"coil_outlet_temp","value":360.0,"range":{"low":300,"high":420}},
                {"tag":"tube_metal_temp","value":600.0,"range":{"low":400,"high":800}},
                {"tag":"top_temp","value":120.0,"range":{"low":50,"high":200}},
                {"tag":"top_pressure",%s,"range":{"low":1,"high":5}}""".formatted(topPressure);
    }

    static Situation parse(String json) {
        return SituationReader.parse(json, "test situation");
    }

    /** Nothing to do. */
    static Situation clear() {
        return parse("""
                {"id":"clear","time":"2026-11-24T06:00:00Z","tags":[%s]}""".formatted(tags("\"value\":3.0")));
    }

    /** Margin shift 7 % and efficiency 5 % under baseline: analysis and optimisation on two trigger kinds. */
    static Situation severalTriggers() {
        return parse("""
                {"id":"several","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}],
                 "market":{"price_move_sigma":0.1,"crack_spread_move_sigma":0.2,"inventory_surprise_sigma":0.1,
                           "margin_shift_pct":7.0}}""".formatted(tags("\"value\":3.0")));
    }

    /** An equipment event that degrades performance (rule 2) while an operator asks for a forecast. */
    static Situation safetyAndOperator() {
        return parse("""
                {"id":"safety-op","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "events":[{"kind":"EQUIPMENT","source":"pump P-101 vibration","severity":"HIGH",
                            "description":"vibration 11 mm/s","tags":["feed_rate"],"degrades_performance":true}],
                 "operator_requests":[{"id":"r-1","module":"forecasting","parameters":{"horizon":12},
                                       "requested_by":"op.lee","text":"forecast naphtha yield"}]}"""
                .formatted(tags("\"value\":3.0")));
    }

    /** As {@link #severalTriggers()} but top_pressure is STALE, so rule 1 gates optimisation. */
    static Situation severalTriggersStalePressure() {
        return parse("""
                {"id":"several-stale","time":"2026-11-24T06:00:00Z","tags":[%s],
                 "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}],
                 "market":{"price_move_sigma":2.5,"crack_spread_move_sigma":0.2,"inventory_surprise_sigma":0.1,
                           "margin_shift_pct":0.0},
                 "operator_requests":[{"id":"r-2","module":"forecasting","parameters":{"horizon":6}}]}"""
                .formatted(tags("\"value\":3.0,\"quality\":\"STALE\"")));
    }
}
