package org.dang.engine.module.market;

/** A dated line for a chart: epoch days and values, same length. */
public record LineSeries(String name, String unit, long[] days, double[] values) {

    /** Points in the series. */
    public int size() {
        return days.length;
    }
}
