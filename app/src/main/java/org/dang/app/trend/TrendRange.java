package org.dang.app.trend;

import java.time.Duration;

/** Time ranges an operator picks for a trend, ending at the newest data. */
public enum TrendRange {
    HOUR("Last hour", Duration.ofHours(1)),
    SHIFT("Last 12 h", Duration.ofHours(12)),
    DAY("Last 24 h", Duration.ofDays(1)),
    WEEK("Last 7 days", Duration.ofDays(7)),
    MONTH("Last 30 days", Duration.ofDays(30)),
    ALL("All history", null);

    private final String label;
    private final Duration span;

    TrendRange(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    /** The span, or null for all history. */
    public Duration span() {
        return span;
    }

    @Override
    public String toString() {
        return label;
    }
}
