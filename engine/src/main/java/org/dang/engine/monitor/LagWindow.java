package org.dang.engine.monitor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Streaming counterpart of {@link LaggedRows}: keeps the last {@code lags} observations of one stream. */
public final class LagWindow {

    private final int lags;
    private final Deque<double[]> recent = new ArrayDeque<>();

    /** A window for the given number of lags (0 passes rows through). */
    public LagWindow(int lags) {
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be >= 0: " + lags);
        }
        this.lags = lags;
    }

    /** Adds one observation; empty until {@code lags} earlier observations have been seen. */
    public Optional<double[]> push(double[] row) {
        recent.addFirst(row.clone());
        if (recent.size() > lags + 1) {
            recent.removeLast();
        }
        if (recent.size() < lags + 1) {
            return Optional.empty();
        }
        int m = row.length;
        double[] a = new double[(lags + 1) * m];
        int l = 0;
        for (double[] r : recent) {
            if (r.length != m) {
                throw new IllegalArgumentException("row has " + r.length + " values, expected " + m);
            }
            System.arraycopy(r, 0, a, l * m, m);
            l++;
        }
        return Optional.of(a);
    }
}
