package org.dang.engine.situation;

import java.util.Objects;

/**
 * A performance KPI against its baseline (rule 3).
 *
 * @param kpi            name, e.g. furnace_efficiency
 * @param value          current value
 * @param baseline       expected value for the current operation
 * @param higherIsBetter direction; true when absent
 */
public record KpiReading(String kpi, double value, double baseline, Boolean higherIsBetter) {
    public KpiReading {
        Objects.requireNonNull(kpi, "kpi");
        higherIsBetter = Objects.requireNonNullElse(higherIsBetter, Boolean.TRUE);
        if (!Double.isFinite(value) || !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("KPI " + kpi + " needs finite value and baseline");
        }
    }

    /** How much worse than the baseline, in percent of the baseline (negative when better). */
    public double shortfallPct() {
        if (baseline == 0) {
            return 0;
        }
        double diff = higherIsBetter ? baseline - value : value - baseline;
        return 100.0 * diff / Math.abs(baseline);
    }
}
