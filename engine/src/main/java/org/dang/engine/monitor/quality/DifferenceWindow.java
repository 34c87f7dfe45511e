package org.dang.engine.monitor.quality;

import java.util.Arrays;

/**
 * The most recent sample-to-sample differences of one tag, with their median and robust sigma
 * (1.4826 x median absolute deviation, which equals the standard deviation for Gaussian noise but
 * is not dragged up by the very spikes it is meant to find).
 */
final class DifferenceWindow {

    private static final double MAD_TO_SIGMA = 1.4826;

    private final double[] ring;
    private int size;
    private int next;

    DifferenceWindow(int capacity) {
        ring = new double[capacity];
    }

    void add(double difference) {
        ring[next] = difference;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    int size() {
        return size;
    }

    /** Median and robust sigma of the differences held; call only when {@code size() > 0}. */
    Spread spread() {
        double[] d = Arrays.copyOf(ring, size);
        double median = median(d);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - median);
        }
        return new Spread(median, MAD_TO_SIGMA * median(d));
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Typical difference (the trend per sample) and robust sigma around it. */
    record Spread(double median, double sigma) {
    }
}
