package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForecastBacktestTest {

    private static final double EPS = 1e-12;
    private static final TimeSeriesTable SERIES = TimeSeriesTable.ofRows(Map.of("y", new double[] {1, 3, 2, 5, 4, 6}));

    /** Predicts the mean training label, so every forecast can be worked out by hand; records what it saw. */
    private static final class MeanRegressor implements Regressor {
        final List<double[]> labelsSeen = new ArrayList<>();

        @Override
        public FittedModel fit(double[][] x, double[] y) {
            labelsSeen.add(y.clone());
            double mean = java.util.Arrays.stream(y).average().orElseThrow();
            int p = x[0].length;
            return new FittedModel() {
                @Override
                public int featureCount() {
                    return p;
                }

                @Override
                public byte[] toBytes() {
                    return new byte[0];
                }

                @Override
                public double predict(double[] row) {
                    return mean;
                }
            };
        }

        @Override
        public String name() {
            return "mean";
        }
    }

    @Test
    void expandingWindowMetricsMatchHandComputedValues() {
        Forecaster f = new Forecaster(FeatureSpec.lags("y", 0), new MeanRegressor(), Strategy.DIRECT, 2);
        BacktestResult r = new Backtest(f, BacktestConfig.expanding(3)).run(SERIES);

        // Origin 2: train [1,3,2]; step-1 labels {3,2} → 2.5, step-2 labels {2} → 2; naive scale (2+1)/2.
        // Origin 3: train [1,3,2,5]; {3,2,5} → 10/3, {2,5} → 3.5; scale 6/3.
        // Origin 4: train [1,3,2,5,4]; {3,2,5,4} → 3.5, {2,5,4} → 11/3; scale 7/4; step 2 runs past the end.
        assertEquals(3, r.fits());
        assertEquals(List.of(2, 3, 4), r.origins().stream().map(OriginForecast::origin).toList());
        assertArrayEquals(new double[] {2.5, 2}, r.origins().get(0).forecast(), EPS);
        assertArrayEquals(new double[] {10.0 / 3, 3.5}, r.origins().get(1).forecast(), EPS);

        double[] e1 = {2.5, 2.0 / 3, 2.5};
        assertArrayEquals(e1, r.residuals(1), EPS);
        StepMetrics s1 = r.step(1);
        assertEquals(3, s1.count());
        assertEquals((2.5 + 2.0 / 3 + 2.5) / 3, s1.mae(), EPS);
        assertEquals(Math.sqrt((6.25 + 4.0 / 9 + 6.25) / 3), s1.rmse(), EPS);
        assertEquals((200 * 2.5 / 7.5 + 200 * (2.0 / 3) / (4 + 10.0 / 3) + 200 * 2.5 / 9.5) / 3, s1.smape(), 1e-9);
        assertEquals((2.5 / 1.5 + (2.0 / 3) / 2 + 2.5 / 1.75) / 3, s1.mase(), EPS);

        assertArrayEquals(new double[] {2, 2.5}, r.residuals(2), EPS);
        StepMetrics s2 = r.step(2);
        assertEquals(2, s2.count());
        assertEquals(2.25, s2.mae(), EPS);
        assertEquals(Math.sqrt((4 + 6.25) / 2), s2.rmse(), EPS);
        assertEquals((200 * 2.0 / 6 + 200 * 2.5 / 9.5) / 2, s2.smape(), 1e-9);
        assertEquals((2 / 1.5 + 2.5 / 2) / 2, s2.mase(), EPS);
    }

    @Test
    void slidingWindowWithGapTrainsOnlyUpToOriginMinusGap() {
        MeanRegressor reg = new MeanRegressor();
        Forecaster f = new Forecaster(FeatureSpec.lags("y", 0), reg, Strategy.DIRECT, 1);
        BacktestConfig cfg = new BacktestConfig(3, 1, 1, 1, BacktestConfig.Window.SLIDING, 1);
        BacktestResult r = new Backtest(f, cfg).run(SERIES);
        // First origin 3 trains on rows 0..2, origin 4 on rows 1..3: labels never pass origin − gap.
        assertEquals(List.of(3, 4), r.origins().stream().map(OriginForecast::origin).toList());
        assertEquals(2, reg.labelsSeen.size());
        assertArrayEquals(new double[] {3, 2}, reg.labelsSeen.get(0), EPS);
        assertArrayEquals(new double[] {2, 5}, reg.labelsSeen.get(1), EPS);
        assertArrayEquals(new double[] {4 - 2.5, 6 - 3.5}, r.residuals(1), EPS);
    }

    @Test
    void refitEveryAndStepControlFitsAndOrigins() {
        MeanRegressor reg = new MeanRegressor();
        Forecaster f = new Forecaster(FeatureSpec.lags("y", 0), reg, Strategy.DIRECT, 1);
        BacktestResult r = new Backtest(f, new BacktestConfig(2, 1, 2, 0, BacktestConfig.Window.EXPANDING, 1)).run(SERIES);
        assertEquals(List.of(1, 2, 3, 4), r.origins().stream().map(OriginForecast::origin).toList());
        assertEquals(2, r.fits());
        // Origin 2 reuses the model from origin 1 (labels {3}); origin 4 the one from origin 3 (labels {3,2,5}).
        assertEquals(3.0, r.origins().get(1).forecast()[0], EPS);
        assertEquals(10.0 / 3, r.origins().get(3).forecast()[0], EPS);

        BacktestResult stepped = new Backtest(f, new BacktestConfig(2, 2, 1, 0, BacktestConfig.Window.EXPANDING, 2)).run(SERIES);
        assertEquals(List.of(1, 3), stepped.origins().stream().map(OriginForecast::origin).toList());
        // Seasonal naive with m = 2 on [1,3,2,5]: (|2−1| + |5−3|) / 2.
        assertEquals(1.5, stepped.origins().get(1).maseScale(), EPS);
    }

    @Test
    void tooShortATableIsRefused() {
        Forecaster f = new Forecaster(FeatureSpec.lags("y", 0), new MeanRegressor(), Strategy.DIRECT, 1);
        assertThrows(IllegalArgumentException.class, () -> new Backtest(f, BacktestConfig.expanding(6)).run(SERIES));
    }
}
