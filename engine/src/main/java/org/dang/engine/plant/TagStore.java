package org.dang.engine.plant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dang.engine.situation.Quality;

/**
 * The latest history of every tag in fixed-size ring buffers, written by the data pipeline's
 * thread and read by views, monitoring and situation building from any thread.
 */
public final class TagStore {

    private static final Quality[] QUALITIES = Quality.values();

    private final int capacity;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();

    /** A store keeping the newest {@code capacity} samples of each tag. */
    public TagStore(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("tag store capacity must be at least 2, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends every sample of a scan. */
    public void append(PlantScan scan) {
        for (TagSample s : scan.samples()) {
            rings.computeIfAbsent(s.tag(), t -> new Ring(capacity)).add(s);
        }
    }

    /** The newest sample of {@code tag}. */
    public Optional<TagSample> latest(String tag) {
        Ring r = rings.get(tag);
        return r == null ? Optional.empty() : r.latest(tag);
    }

    /** Samples of {@code tag} with time in [from, to), oldest first; all of them when both are null. */
    public TagSeries series(String tag, Instant from, Instant to) {
        Ring r = rings.get(tag);
        if (r == null) {
            return new TagSeries(tag, new long[0], new double[0], new Quality[0]);
        }
        return r.copy(tag, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                to == null ? Long.MAX_VALUE : to.toEpochMilli());
    }

    /** Tags seen so far. */
    public List<String> tags() {
        return rings.keySet().stream().sorted().toList();
    }

    /** One tag's ring buffer; its monitor guards it (one writer, short copies for readers). */
    private static final class Ring {
        private final long[] times;
        private final double[] values;
        private final byte[] qualities; // ordinals: a reference per sample would double the memory
        private int next;
        private int size;

        Ring(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
            qualities = new byte[capacity];
        }

        synchronized void add(TagSample s) {
            long t = s.time().toEpochMilli();
            if (size > 0 && t <= times[(next - 1 + times.length) % times.length]) {
                return; // out of order: the data source has already reported it
            }
            times[next] = t;
            values[next] = s.value();
            qualities[next] = (byte) s.quality().ordinal();
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }

        synchronized Optional<TagSample> latest(String tag) {
            if (size == 0) {
                return Optional.empty();
            }
            int i = (next - 1 + times.length) % times.length;
            return Optional.of(new TagSample(tag, Instant.ofEpochMilli(times[i]), values[i], QUALITIES[qualities[i]]));
        }

        synchronized TagSeries copy(String tag, long from, long to) {
            int start = (next - size + times.length) % times.length;
            // Times increase along the ring, so the window is found by binary search.
            int lo = lowerBound(start, size, from);
            int hi = lowerBound(start, size, to);
            int n = Math.max(0, hi - lo);
            long[] t = new long[n];
            double[] v = new double[n];
            Quality[] q = new Quality[n];
            for (int k = 0; k < n; k++) {
                int i = (start + lo + k) % times.length;
                t[k] = times[i];
                v[k] = values[i];
                q[k] = QUALITIES[qualities[i]];
            }
            return new TagSeries(tag, t, v, q);
        }

        private int lowerBound(int start, int count, long key) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[(start + mid) % times.length] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
