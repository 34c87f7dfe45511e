package org.dang.engine.monitor;

import java.util.Optional;

/**
 * One stream of observations through a monitor, one row at a time; holds that stream's history
 * (not thread-safe: one per data source).
 */
public final class MonitorStream {

    private static final double[] NONE = new double[0];

    private final Monitor monitor;
    private final ChannelFilters filters;
    private final LagWindow window;
    private final double[] limits;
    private long index;

    MonitorStream(Monitor monitor, ChannelFilters filters) {
        this.monitor = monitor;
        this.filters = filters;
        this.window = new LagWindow(monitor.settings().lags());
        this.limits = monitor.limits().limits();
    }

    /** Takes the next observation (one value per tag) and returns the verdict on it. */
    public MonitorPoint next(double[] row) {
        if (row.length != monitor.tags()) {
            throw new IllegalArgumentException("observation has " + row.length + " values, expected " + monitor.tags());
        }
        long i = index++;
        Optional<double[]> lagged = window.push(row);
        if (lagged.isEmpty()) {
            return new MonitorPoint(i, false, false, NONE, null);
        }
        PcaPoint p = monitor.model().project(lagged.get());
        double[] v = filters.update(p, Calibration.head(p.standardized(), monitor.tags()));
        boolean alarm = false;
        for (int c = 0; c < v.length; c++) {
            alarm |= v[c] > limits[c];
        }
        return new MonitorPoint(i, true, alarm, v, p);
    }
}
