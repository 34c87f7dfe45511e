package org.dang.engine.monitor;

import java.util.List;

/**
 * The per-stream state behind a monitor's channels: EWMA of T^2 and Q, and the per-tag charts.
 * One instance per data stream, so that separate files never share history.
 */
final class ChannelFilters {

    private final List<MonitorChannel> channels;
    private final double lambda;
    private double t2;
    private double q;
    private final CusumChart cusum;
    private final EwmaChart ewma;

    ChannelFilters(MonitorSettings s, List<MonitorChannel> channels, int tags, double t2Start, double qStart) {
        this.channels = channels;
        this.lambda = s.smoothing();
        // Starting at the normal mean means a fresh stream is assumed in control until data say otherwise.
        this.t2 = t2Start;
        this.q = qStart;
        this.cusum = new CusumChart(tags, s.cusumK(), CusumChart.DEFAULT_H);
        this.ewma = new EwmaChart(tags, s.tagLambda(), EwmaChart.DEFAULT_WIDTH);
    }

    /** Channel values after one observation, in channel order; {@code tagValues}: the standardised tags at t. */
    double[] update(PcaPoint p, double[] tagValues) {
        t2 = lambda * p.t2() + (1 - lambda) * t2;
        q = lambda * p.q() + (1 - lambda) * q;
        double[] out = new double[channels.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = switch (channels.get(c)) {
                case T2 -> t2;
                case Q -> q;
                case TAG_CUSUM -> max(cusum.update(tagValues));
                case TAG_EWMA -> maxAbs(ewma.update(tagValues));
            };
        }
        return out;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
