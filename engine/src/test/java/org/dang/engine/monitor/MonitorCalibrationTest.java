package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Cross-validated limits: consistent with the formulas where those hold, and right where they do not. */
class MonitorCalibrationTest {

    private static MonitorSettings settings(int lags, double smoothing, LimitKind limits, MonitorChannel... channels) {
        return new MonitorSettings("test", lags, new ComponentRule.Fixed(3), smoothing,
                java.util.EnumSet.copyOf(List.of(channels)), 0.5, 0.1, limits, 10, 0.99);
    }

    private static double falseAlarms(Monitor m, Matrix data) {
        return Evaluation.normal(m, "fresh", data).falseAlarmRate();
    }

    @Test
    void onIndependentDataTheyAgreeWithTheFormulas() {
        Matrix train = new MonitorSynthetic(5).normal(2000);
        Monitor formula = Monitor.fit(train, settings(0, 1, LimitKind.FORMULA, MonitorChannel.T2, MonitorChannel.Q));
        Monitor cv = Monitor.fit(train, settings(0, 1, LimitKind.CROSS_VALIDATED, MonitorChannel.T2,
                MonitorChannel.Q));
        double[] f = formula.limits().limits();
        double[] c = cv.limits().quantiles();
        for (int i = 0; i < 2; i++) {
            assertTrue(c[i] / f[i] > 0.8 && c[i] / f[i] < 1.25, cv.channels().get(i) + ": " + c[i] + " vs " + f[i]);
        }
        Matrix fresh = new MonitorSynthetic(6).normal(5000);
        double far = falseAlarms(cv, fresh);
        // One joint limit at 99 %: about 1 % of fresh samples alarm on T2 or Q.
        assertTrue(far > 0.003 && far < 0.025, "joint false-alarm rate " + far);
    }

    @Test
    void smoothedStatisticsOnAutocorrelatedDataKeepTheirNominalRate() {
        MonitorSynthetic plant = new MonitorSynthetic(8);
        Monitor m = Monitor.fit(plant.autocorrelated(1500, 0.9),
                settings(1, 0.05, LimitKind.CROSS_VALIDATED, MonitorChannel.T2, MonitorChannel.Q));
        double far = falseAlarms(m, plant.autocorrelated(20_000, 0.9));
        assertTrue(far < 0.03, "false alarms of EWMA-smoothed DPCA statistics " + far);
        assertEquals(1499, m.limits().samples(), "every training sample with a full lag window calibrates");
    }

    @Test
    void smoothingFindsASmallShiftThatRawStatisticsMiss() {
        MonitorSynthetic plant = new MonitorSynthetic(9);
        Matrix train = plant.normal(1500);
        Monitor raw = Monitor.fit(train, settings(0, 1, LimitKind.CROSS_VALIDATED, MonitorChannel.T2,
                MonitorChannel.Q));
        Monitor smooth = Monitor.fit(train, settings(0, 0.05, LimitKind.CROSS_VALIDATED, MonitorChannel.T2,
                MonitorChannel.Q));
        // A bias of 0.8 standard deviations on tag 3: lost in the noise sample by sample, clear on average.
        double[][] shifted = plant.normal(400).toArray();
        double bias = 0.8 * raw.model().standardizer().sd()[3];
        for (double[] row : shifted) {
            row[3] += bias;
        }
        Matrix faulty = Matrix.of(shifted);
        double rawRate = Evaluation.fault(raw, "shift", java.util.OptionalInt.empty(), faulty, 0).detectionRate();
        double smoothRate = Evaluation.fault(smooth, "shift", java.util.OptionalInt.empty(), faulty, 0).detectionRate();
        assertTrue(rawRate < 0.5, "raw T2/Q detection " + rawRate);
        assertTrue(smoothRate > 0.8, "EWMA T2/Q detection " + smoothRate);
    }

    @Test
    void cusumChannelFlagsADriftingTag() {
        MonitorSynthetic plant = new MonitorSynthetic(10);
        Monitor m = Monitor.fit(plant.normal(1500), settings(0, 1, LimitKind.CROSS_VALIDATED,
                MonitorChannel.TAG_CUSUM));
        // 100 normal samples, then tag 6 drifts by 0.02 sd per sample.
        double[][] rows = plant.normal(300).toArray();
        double sd = m.model().standardizer().sd()[6];
        for (int i = 100; i < rows.length; i++) {
            rows[i][6] += 0.02 * (i - 100) * sd;
        }
        List<MonitorPoint> points = m.run(Matrix.of(rows));
        long before = points.subList(0, 100).stream().filter(MonitorPoint::alarm).count();
        int first = points.stream().skip(100).filter(MonitorPoint::alarm).mapToInt(p -> (int) p.index()).findFirst()
                .orElse(-1);
        assertTrue(before <= 3, before + " alarms before the drift");
        assertTrue(first > 110 && first < 180, "first CUSUM alarm at " + first);
        assertTrue(points.subList(250, 300).stream().allMatch(MonitorPoint::alarm), "drift keeps alarming");
    }

    @Test
    void formulaLimitsAreRefusedForSmoothedOrTagChannels() {
        assertThrows(IllegalArgumentException.class,
                () -> settings(0, 0.1, LimitKind.FORMULA, MonitorChannel.T2, MonitorChannel.Q));
        assertThrows(IllegalArgumentException.class, () -> settings(0, 1, LimitKind.FORMULA, MonitorChannel.TAG_CUSUM));
    }

    @Test
    void confidenceBeyondWhatTheCalibrationDataCanShowIsRefused() {
        Matrix train = new MonitorSynthetic(2).normal(300);
        MonitorSettings s = settings(0, 1, LimitKind.CROSS_VALIDATED, MonitorChannel.T2).withConfidence(0.999);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Monitor.fit(train, s));
        assertTrue(e.getMessage().contains("needs at least 1000 calibration samples"), e.getMessage());
    }

    @Test
    void tooLittleTrainingDataIsRefusedClearly() {
        Matrix small = new MonitorSynthetic(1).normal(15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitor.fit(small, settings(1, 1, LimitKind.CROSS_VALIDATED, MonitorChannel.T2)));
        assertTrue(e.getMessage().contains("too short") || e.getMessage().contains("more observations"),
                e.getMessage());
    }
}
