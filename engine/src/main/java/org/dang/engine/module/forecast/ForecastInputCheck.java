package org.dang.engine.module.forecast;

import java.util.ArrayList;
import java.util.List;

import org.dang.engine.module.ModuleFailure;

/**
 * Refuses history the module cannot forecast from honestly, with a message naming the tag and the row. Gaps
 * inside the history are tolerated (rows whose features or label touch a gap are left out of training) as long
 * as at most half the rows are missing and the rows the forecast starts from are complete.
 */
final class ForecastInputCheck {

    private ForecastInputCheck() {
    }

    static void check(TimeSeriesTable table, ForecastPlan plan, String target, List<String> inputs) throws ModuleFailure {
        int n = table.rows();
        String span = n + " steps of " + table.interval() + " (" + table.time(0) + " to " + table.time(n - 1) + ")";
        if (plan.horizon() >= n) {
            throw new ModuleFailure("horizon of " + plan.horizon() + " steps is longer than the history of '" + target
                    + "': " + span, false);
        }
        if (n < plan.minimumRows()) {
            throw new ModuleFailure("too short: '" + target + "' has " + span + "; a " + plan.horizon()
                    + "-step forecast with a look-back of " + plan.spec().lookback() + " needs at least " + plan.minimumRows(),
                    false);
        }
        List<String> columns = new ArrayList<>();
        columns.add(target);
        columns.addAll(inputs);
        for (String c : columns) {
            double[] v = table.column(c);
            int missing = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                if (Double.isNaN(d)) {
                    missing++;
                } else {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
            if (2 * missing > n) {
                throw new ModuleFailure("'" + c + "' has no good value in " + missing + " of " + span
                        + "; too many gaps to learn from", false);
            }
            if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
                throw new ModuleFailure("'" + c + "' is constant at " + min + " over " + span
                        + ": nothing to learn from (flat-lined instrument?)", false);
            }
            for (int r = n - 1 - plan.spec().lookback(); r < n; r++) {
                if (Double.isNaN(v[r])) {
                    throw new ModuleFailure("'" + c + "' has no good value at " + table.time(r) + " (row " + (r + 1)
                            + " of " + n + "); the forecast starts from the last " + (plan.spec().lookback() + 1)
                            + " rows, which must be complete", false);
                }
            }
        }
    }
}
