package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Per-tag EWMA and CUSUM: quiet on noise at about their design run length, quick on a slow drift. */
class MonitorChartsTest {

    /** A tag drifting by 0.02 sd per sample from the first sample: after 50 samples its mean has moved one sd. */
    private static double[] driftingTag(long seed, int n) {
        Random rnd = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextGaussian() + 0.02 * i;
        }
        return z;
    }

    private static int firstCusumSignal(double[] z) {
        CusumChart c = CusumChart.standard(1);
        for (int i = 0; i < z.length; i++) {
            c.update(new double[] {z[i]});
            if (c.signals(0)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstEwmaSignal(double[] z) {
        EwmaChart c = EwmaChart.standard(1);
        for (int i = 0; i < z.length; i++) {
            c.update(new double[] {z[i]});
            if (c.signals(0)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstShewhartSignal(double[] z) {
        for (int i = 0; i < z.length; i++) {
            if (Math.abs(z[i]) > 3) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void cusumAndEwmaCatchASlowDriftLongBeforeAThreeSigmaLimit() {
        int runs = 200;
        double cusum = 0;
        double ewma = 0;
        double shewhart = 0;
        for (int r = 0; r < runs; r++) {
            double[] z = driftingTag(r, 400);
            cusum += firstCusumSignal(z);
            ewma += firstEwmaSignal(z);
            shewhart += firstShewhartSignal(z);
        }
        cusum /= runs;
        ewma /= runs;
        shewhart /= runs;
        // Mean delays from the start of the drift (the charts' own false signals are covered below).
        assertTrue(cusum > 25 && cusum < 60, "CUSUM mean delay " + cusum);
        assertTrue(ewma > 20 && ewma < 60, "EWMA mean delay " + ewma);
        assertTrue(shewhart > cusum + 15 && shewhart > ewma + 15, "3-sigma limit delay " + shewhart
                + " against CUSUM " + cusum + " and EWMA " + ewma);
    }

    @Test
    void inControlRunLengthIsNearTheDesignValue() {
        Random rnd = new Random(11);
        CusumChart cusum = CusumChart.standard(1);
        EwmaChart ewma = EwmaChart.standard(1);
        int n = 200_000;
        int cusumSignals = 0;
        int ewmaSignals = 0;
        for (int i = 0; i < n; i++) {
            double[] z = {rnd.nextGaussian()};
            cusum.update(z);
            ewma.update(z);
            if (cusum.signals(0)) {
                cusumSignals++;
                cusum.reset();
            }
            if (ewma.signals(0)) {
                ewmaSignals++;
                ewma.reset();
            }
        }
        double cusumArl = (double) n / cusumSignals;
        double ewmaArl = (double) n / ewmaSignals;
        assertTrue(cusumArl > 400 && cusumArl < 540, "CUSUM(k=0.5, h=5) run length " + cusumArl + ", design 465");
        assertTrue(ewmaArl > 420 && ewmaArl < 600, "EWMA(0.1, 2.814) run length " + ewmaArl + ", design 500");
    }

    @Test
    void cusumSumsAreTabular() {
        CusumChart c = new CusumChart(2, 0.5, 4);
        c.update(new double[] {1.5, -2});
        c.update(new double[] {1.5, 0.2});
        assertEquals(2.0, c.upper(0), 1e-12);
        assertEquals(0.0, c.lower(0), 1e-12);
        assertEquals(0.8, c.lower(1), 1e-12);
        assertTrue(!c.signals(0) && !c.signals(1));
        c.update(new double[] {3, 0});
        assertTrue(c.signals(0), "4.5 > h = 4");
    }
}
