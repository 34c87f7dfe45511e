package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForecastFeatureBuilderTest {

    private static final double EPS = 1e-12;

    private static TimeSeriesTable table(double[] y, double[] x) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("y", y);
        cols.put("x", x);
        return TimeSeriesTable.ofRows(cols);
    }

    private static final FeatureSpec SPEC = FeatureSpec.lags("y", 0, 1).withExogenous("x", 0)
            .withRollingWindows(3).withDifferences(0);

    @Test
    void handComputedRowsUseOnlyValuesAtOrBeforeTheOrigin() {
        TimeSeriesTable t = table(new double[] {1, 2, 4, 7, 11, 16}, new double[] {10, 20, 30, 40, 50, 60});
        DesignMatrix dm = new FeatureBuilder(SPEC).build(t, 2);

        assertEquals(List.of("y_lag0", "y_lag1", "x_lag0", "y_mean3", "y_std3", "y_min3", "y_max3", "y_diff_lag0"),
                dm.featureNames());
        // Lookback 2 (window 3), horizon 2: origins 2 and 3 are the only ones with a label at t+2.
        assertArrayEquals(new int[] {2, 3}, dm.originRows());
        assertEquals(2, dm.historyRows());
        assertEquals(0, dm.droppedMissing());
        assertArrayEquals(new double[] {4, 2, 30, 7.0 / 3, Math.sqrt(7.0 / 3), 1, 4, 2}, dm.x()[0], EPS);
        assertArrayEquals(new double[] {7, 4, 40, 13.0 / 3, Math.sqrt(57) / 3, 2, 7, 3}, dm.x()[1], EPS);
        assertArrayEquals(new double[] {11, 16}, dm.y(), EPS);
    }

    @Test
    void changingTheFutureDoesNotChangeAnyFeatureRow() {
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        double[] x = {2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5};
        FeatureSpec spec = SPEC.withCalendar(false);
        FeatureBuilder builder = new FeatureBuilder(spec);
        DesignMatrix dm = builder.build(table(y, x), 1);
        for (int r = 0; r < dm.rows(); r++) {
            int origin = dm.originRows()[r];
            double[] y2 = y.clone();
            double[] x2 = x.clone();
            for (int j = origin + 1; j < y.length; j++) {
                y2[j] = 1e6 + j;
                x2[j] = -1e6 - j;
            }
            assertArrayEquals(dm.x()[r], builder.featureRow(table(y2, x2), origin, 1), EPS, "origin " + origin);
            assertEquals(y[origin + 1], dm.y()[r], EPS);
        }
    }

    @Test
    void rowsWithMissingValuesAreDroppedAndCounted() {
        double[] x = {10, 20, 30, Double.NaN, 50, 60, 70};
        double[] y = {1, 2, 4, 7, 11, 16, Double.NaN};
        DesignMatrix dm = new FeatureBuilder(FeatureSpec.lags("y", 0).withExogenous("x", 0)).build(table(y, x), 1);
        // Origins 0..5: origin 3 has x NaN, origin 5 has label y[6] NaN.
        assertArrayEquals(new int[] {0, 1, 2, 4}, dm.originRows());
        assertEquals(2, dm.droppedMissing());
        assertEquals(0, dm.historyRows());
    }

    @Test
    void calendarFeaturesDescribeTheTargetTime() {
        List<Instant> times = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T00:00:00Z"); // a Monday
        for (int i = 0; i < 8; i++) {
            times.add(start.plusSeconds(6 * 3600L * i));
        }
        TimeSeriesTable t = TimeSeriesTable.of(times, Map.of("y", new double[] {1, 2, 3, 4, 5, 6, 7, 8}));
        FeatureBuilder b = new FeatureBuilder(FeatureSpec.lags("y", 0).withCalendar(true));
        double[] f = b.featureRow(t, 0, 1); // target time 06:00 Monday
        assertArrayEquals(new double[] {1, 1, 0, 0, 1}, f, 1e-9);
        TimeSeriesTable rows = TimeSeriesTable.ofRows(Map.of("y", new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> b.build(rows, 1));
    }
}
