package org.dang.app.trend;

/**
 * One trend pen, ready to draw: times in epoch seconds (chart-fx time axes use seconds), values,
 * and which samples had bad quality (drawn apart so an operator sees them).
 */
public record TrendData(String tag, String description, String unit, double[] seconds, double[] values,
                        boolean[] badQuality) {

    /** Number of points. */
    public int size() {
        return values.length;
    }
}
