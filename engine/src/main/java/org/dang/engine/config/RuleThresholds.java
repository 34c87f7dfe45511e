package org.dang.engine.config;

import java.time.Duration;

/**
 * {@code decision_engine.rules:} thresholds of the decision contract's rules.
 *
 * @param efficiencyMarginPct  rule 3: a KPI this many percent worse than its baseline is degraded
 * @param marketSigma          rule 4: price or crack-spread move, in standard deviations
 * @param inventorySigma       rule 4: inventory surprise against the seasonal norm, in standard deviations
 * @param marginShiftPct       rule 4: margin shift that calls for product-slate optimisation
 * @param windowLead           rule 5: a schedule window is "opening" within this time of its start
 * @param forecastTtl          rule 6: a forecast older than this is refreshed
 * @param inputMovePct         rule 7: below this input movement a valid cached result is reused
 * @param flatlineSamples      rule 1: this many identical history samples in a row mean flat-lined
 */
public record RuleThresholds(double efficiencyMarginPct, double marketSigma, double inventorySigma,
                             double marginShiftPct, Duration windowLead, Duration forecastTtl,
                             double inputMovePct, int flatlineSamples) {
    /** Defaults. */
    public static RuleThresholds defaults() {
        return new RuleThresholds(3.0, 2.0, 2.0, 5.0, Duration.ofMinutes(15), Duration.ofHours(1), 2.0, 30);
    }
}
