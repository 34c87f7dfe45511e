package org.dang.engine.module.market;

/**
 * A weekly quantity with its five-year seasonal band for a chart: actual value, five-year mean,
 * minimum and maximum for the same week (NaN where there is no norm), all on the same epoch days.
 */
public record BandSeries(String name, String unit, long[] days, double[] actual, double[] mean, double[] min,
                         double[] max) {

    /** Points in the series. */
    public int size() {
        return days.length;
    }
}
