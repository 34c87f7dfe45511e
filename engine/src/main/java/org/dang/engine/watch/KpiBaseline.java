package org.dang.engine.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import org.dang.engine.plant.TagSeries;
import org.dang.engine.plant.TagStore;
import org.dang.engine.situation.KpiReading;
import org.dang.engine.situation.Quality;

/**
 * A performance KPI judged against its own baseline: the mean of the first {@code learn} of data
 * the engine saw (the unit as it ran when monitoring started, e.g. after a turnaround), compared
 * with the mean of the latest {@code window} (one noisy scan is not a degradation).
 *
 * @param tag            the KPI tag, e.g. furnace_efficiency
 * @param higherIsBetter direction
 * @param learn          how much data forms the baseline
 * @param window         averaging window of the current value
 */
public record KpiBaseline(String tag, boolean higherIsBetter, Duration learn, Duration window) {

    /** The reading at {@code now}, or empty while the baseline is still being learnt or data is missing. */
    public Optional<KpiReading> reading(TagStore store, Instant now) {
        TagSeries all = store.series(tag, null, null);
        if (all.size() == 0) {
            return Optional.empty();
        }
        Instant first = all.time(0);
        if (now.isBefore(first.plus(learn).plus(window))) {
            return Optional.empty();
        }
        OptionalDouble base = mean(store.series(tag, first, first.plus(learn)));
        OptionalDouble current = mean(store.series(tag, now.minus(window), now.plusMillis(1)));
        if (base.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KpiReading(tag, current.getAsDouble(), base.getAsDouble(), higherIsBetter));
    }

    private static OptionalDouble mean(TagSeries s) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.qualities()[i] == Quality.GOOD && Double.isFinite(s.values()[i])) {
                sum += s.values()[i];
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
}
