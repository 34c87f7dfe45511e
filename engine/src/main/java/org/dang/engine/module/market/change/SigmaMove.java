package org.dang.engine.module.market.change;

import java.time.LocalDate;
import java.util.Optional;

import org.dang.engine.module.market.analysis.DailyProfile;
import org.dang.engine.module.market.loading.Observations;

/**
 * A move of a daily series over the last {@code window} observations, in standard deviations: the
 * change divided by the standard deviation of single-day changes over the {@code lookback}
 * observations before the window, times sqrt(window) (changes of a random walk add up). The window
 * itself is not part of its own yardstick.
 *
 * @param since   date of the observation the move is measured from
 * @param through date of the latest observation
 * @param from    value at {@code since}
 * @param to      value at {@code through}
 * @param change  {@code to - from}, in the series' unit
 * @param sigma   change in standard deviations
 */
public record SigmaMove(LocalDate since, LocalDate through, double from, double to, double change, double sigma) {

    /** Fewest single-day changes that make a yardstick. */
    public static final int MIN_LOOKBACK = 60;

    /** The move ending at observation {@code i}, or empty when there is too little history. */
    public static Optional<SigmaMove> at(DailyProfile p, int i, int window, int lookback) {
        Observations o = p.observations();
        int start = i - window;
        if (start < 1) {
            return Optional.empty();
        }
        int from = Math.max(1, start - lookback + 1);
        int to = start + 1;
        if (p.diffs().count(from, to) < MIN_LOOKBACK) {
            return Optional.empty();
        }
        double sd = p.diffs().std(from, to) * Math.sqrt(window);
        double change = o.value(i) - o.value(start);
        double sigma = sd > 0 ? change / sd : 0;
        return Optional.of(new SigmaMove(o.date(start), o.date(i), o.value(start), o.value(i), change, sigma));
    }

    /** Percent change relative to the starting value (denominator floored like returns); sign of the move. */
    public double percent() {
        return 100 * change / Math.max(Math.abs(from), DailyProfile.RETURN_FLOOR);
    }
}
