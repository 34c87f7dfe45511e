package org.dang.engine.module.market;

import java.util.Optional;

import org.dang.engine.module.market.analysis.SeasonalBands;
import org.dang.engine.module.market.analysis.WeeklyProfile;
import org.dang.engine.module.market.loading.Observations;

/** The chart series of a report: the last stretch of a weekly quantity with its band, or of a daily line. */
final class ChartSeries {

    private ChartSeries() {
    }

    /** The last {@code weeks} weeks of {@code p} up to {@code weekMax}, scaled, with its band. */
    static Optional<BandSeries> band(String name, String unit, WeeklyProfile p, long weekMax, double scale,
                                     int weeks) {
        int j = p.lastAtOrBefore(weekMax);
        if (j < 0) {
            return Optional.empty();
        }
        int from = Math.max(0, j + 1 - weeks);
        int n = j + 1 - from;
        long[] days = new long[n];
        double[] actual = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        SeasonalBands b = p.bands();
        for (int k = 0; k < n; k++) {
            int i = from + k;
            days[k] = p.dates().day(i);
            actual[k] = p.value(i) * scale;
            mean[k] = b.mean()[i] * scale;
            min[k] = b.min()[i] * scale;
            max[k] = b.max()[i] * scale;
        }
        return Optional.of(new BandSeries(name, unit, days, actual, mean, min, max));
    }

    /** The last {@code points} observations of {@code o} up to index {@code i}. */
    static LineSeries line(String name, Observations o, int i, int points) {
        int from = Math.max(0, i + 1 - points);
        long[] days = new long[i + 1 - from];
        double[] values = new double[days.length];
        for (int k = 0; k < days.length; k++) {
            days[k] = o.day(from + k);
            values[k] = o.value(from + k);
        }
        return new LineSeries(name, "$/bbl", days, values);
    }
}
