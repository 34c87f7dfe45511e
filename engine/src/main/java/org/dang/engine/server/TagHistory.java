package org.dang.engine.server;

import java.util.Arrays;

import org.dang.engine.plant.TagSeries;
import org.dang.engine.situation.Quality;

/**
 * Reduces a tag's history to a number of points a trend can draw: the span is cut into equal
 * buckets and each keeps its lowest and highest sample in time order, so spikes survive; a bucket
 * with a bad-quality sample keeps that one instead of its highest, so the trend still marks it.
 */
final class TagHistory {

    private TagHistory() {
    }

    /** {@code series} itself when it has at most {@code maxPoints} samples, else at most that many. */
    static TagSeries reduce(TagSeries series, int maxPoints) {
        int n = series.size();
        if (n <= maxPoints) {
            return series;
        }
        int buckets = maxPoints / 2;
        long[] t = new long[buckets * 2];
        double[] v = new double[buckets * 2];
        Quality[] q = new Quality[buckets * 2];
        int out = 0;
        for (int b = 0; b < buckets; b++) {
            int start = (int) ((long) b * n / buckets);
            int end = (int) ((long) (b + 1) * n / buckets);
            int lo = -1;
            int hi = -1;
            int bad = -1;
            for (int i = start; i < end; i++) {
                double x = series.values()[i];
                if (series.qualities()[i] != Quality.GOOD && bad < 0) {
                    bad = i;
                }
                if (Double.isNaN(x)) {
                    continue;
                }
                if (lo < 0 || x < series.values()[lo]) {
                    lo = i;
                }
                if (hi < 0 || x > series.values()[hi]) {
                    hi = i;
                }
            }
            int second = bad >= 0 ? bad : hi;
            int first = lo >= 0 ? lo : second;
            if (first < 0) {
                first = start;
                second = start;
            } else if (second < 0) {
                second = first;
            }
            int a = Math.min(first, second);
            int z = Math.max(first, second);
            out = put(series, a, t, v, q, out);
            if (z != a) {
                out = put(series, z, t, v, q, out);
            }
        }
        return new TagSeries(series.tag(), Arrays.copyOf(t, out), Arrays.copyOf(v, out), Arrays.copyOf(q, out));
    }

    private static int put(TagSeries s, int i, long[] t, double[] v, Quality[] q, int out) {
        t[out] = s.epochMillis()[i];
        v[out] = s.values()[i];
        q[out] = s.qualities()[i];
        return out + 1;
    }
}
