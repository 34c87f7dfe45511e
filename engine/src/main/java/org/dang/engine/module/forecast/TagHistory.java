package org.dang.engine.module.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dang.engine.module.ModuleFailure;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.plant.TagStore;

/**
 * Turns the tag store's irregular, quality-flagged samples into a regular table: one row per bucket of the
 * step length, each cell the mean of the bucket's GOOD, finite samples, NaN when it has none.
 */
public final class TagHistory {

    private TagHistory() {
    }

    /**
     * The table of {@code target} and {@code inputs} over the target's history, buckets aligned to multiples of
     * {@code interval} since the epoch; a column per tag.
     *
     * @throws ModuleFailure naming a tag the plant feed has never reported
     */
    public static TimeSeriesTable table(TagStore store, String target, List<String> inputs, Duration interval)
            throws ModuleFailure {
        List<String> names = new ArrayList<>();
        names.add(target);
        names.addAll(inputs);
        Map<String, TagSeries> series = new LinkedHashMap<>();
        for (String tag : names) {
            TagSeries s = store.series(tag, null, null);
            if (s.size() == 0) {
                throw new ModuleFailure("unknown tag '" + tag + "': the plant feed has no samples of it (known tags: "
                        + store.tags() + ")", false);
            }
            series.put(tag, s);
        }
        long step = interval.toMillis();
        TagSeries y = series.get(target);
        long first = Math.floorDiv(y.epochMillis()[0], step);
        long last = Math.floorDiv(y.epochMillis()[y.size() - 1], step);
        long count = last - first + 1;
        if (count > 1_000_000) {
            throw new ModuleFailure("tag '" + target + "' spans " + count + " steps of " + interval
                    + "; choose a longer interval", false);
        }
        int n = (int) count;
        List<Instant> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            times.add(Instant.ofEpochMilli((first + i) * step));
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (Map.Entry<String, TagSeries> e : series.entrySet()) {
            columns.put(e.getKey(), buckets(e.getValue(), first, step, n));
        }
        return TimeSeriesTable.of(times, columns);
    }

    private static double[] buckets(TagSeries s, long first, long step, int n) {
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int i = 0; i < s.size(); i++) {
            long b = Math.floorDiv(s.epochMillis()[i], step) - first;
            double v = s.values()[i];
            if (b < 0 || b >= n || !s.qualities()[i].usable() || !Double.isFinite(v)) {
                continue;
            }
            sum[(int) b] += v;
            count[(int) b]++;
        }
        double[] out = new double[n];
        for (int b = 0; b < n; b++) {
            out[b] = count[b] == 0 ? Double.NaN : sum[b] / count[b];
        }
        return out;
    }
}
