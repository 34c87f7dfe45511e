package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each sensor fault leaves its signature on the reported tag only: the same run without the fault
 * has the identical true state and identical readings on every other tag and outside the window.
 */
class CduSensorFaultTest {

    private static final long FROM = 60;
    private static final long TO = 300;

    private record Run(List<CduState> faulty, List<CduState> clean) {
    }

    private static Run run(CduTag tag, FaultMode mode, double magnitude) {
        CduConfig config = CduConfig.defaults(5);
        CduSimulator faulty = new CduSimulator(config,
                EventSchedule.of(new SensorFault(CduFixtures.at(FROM), CduFixtures.at(TO), tag, mode, magnitude, "")));
        CduSimulator clean = new CduSimulator(config);
        List<CduState> a = new ArrayList<>();
        List<CduState> b = new ArrayList<>();
        a.add(faulty.state());
        b.add(clean.state());
        for (int i = 0; i < TO + 60; i++) {
            a.add(faulty.step());
            b.add(clean.step());
        }
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).truth(), a.get(i).truth(), "true state unchanged at minute " + i);
            for (CduTag other : CduTag.values()) {
                if (other != tag) {
                    assertEquals(b.get(i).measured(other), a.get(i).measured(other), 0.0, other + " at " + i);
                }
            }
            if (i < FROM || i >= TO) {
                assertEquals(b.get(i).measured(tag), a.get(i).measured(tag), 0.0, "outside the window at " + i);
            }
        }
        return new Run(a, b);
    }

    private static boolean inWindow(Instant t) {
        return !t.isBefore(CduFixtures.at(FROM)) && t.isBefore(CduFixtures.at(TO));
    }

    @Test
    void flatLineReportsTheFixedValue() {
        Run r = run(CduTag.TOP_PRESSURE, FaultMode.FLATLINE, 0.0);
        for (int i = (int) FROM; i < TO; i++) {
            assertEquals(0.0, r.faulty.get(i).measured(CduTag.TOP_PRESSURE), 0.0);
        }
    }

    @Test
    void dropoutReportsNoValue() {
        Run r = run(CduTag.TOP_TEMP, FaultMode.DROPOUT, 0);
        for (int i = (int) FROM; i < TO; i++) {
            assertTrue(Double.isNaN(r.faulty.get(i).measured(CduTag.TOP_TEMP)), "minute " + i);
        }
        assertTrue(Double.isFinite(r.faulty.get((int) TO).measured(CduTag.TOP_TEMP)));
    }

    @Test
    void stuckHoldsTheLastReadingBeforeTheFault() {
        Run r = run(CduTag.COIL_OUTLET_TEMP, FaultMode.STUCK, 0);
        double last = r.clean.get((int) FROM - 1).measured(CduTag.COIL_OUTLET_TEMP);
        for (int i = (int) FROM; i < TO; i++) {
            assertEquals(last, r.faulty.get(i).measured(CduTag.COIL_OUTLET_TEMP), 0.0, "minute " + i);
        }
        assertTrue(r.clean.get((int) FROM + 5).measured(CduTag.COIL_OUTLET_TEMP) != last, "the clean one moves on");
    }

    @Test
    void driftGrowsLinearlyToTheMagnitude() {
        Run r = run(CduTag.FEED_RATE, FaultMode.DRIFT, 4_000);
        for (int i = (int) FROM; i < TO; i++) {
            double offset = r.faulty.get(i).measured(CduTag.FEED_RATE) - r.clean.get(i).measured(CduTag.FEED_RATE);
            assertEquals(4_000.0 * (i - FROM) / (TO - FROM), offset, 1e-6, "minute " + i);
        }
    }

    @Test
    void spikesAreIsolatedJumpsOfTheMagnitude() {
        Run r = run(CduTag.TUBE_METAL_TEMP, FaultMode.SPIKE, 40);
        int spikes = 0;
        for (int i = 0; i < r.faulty.size(); i++) {
            double d = r.faulty.get(i).measured(CduTag.TUBE_METAL_TEMP) - r.clean.get(i).measured(CduTag.TUBE_METAL_TEMP);
            if (d != 0) {
                assertTrue(inWindow(r.faulty.get(i).time()), "spike outside the window at " + i);
                assertEquals(40, Math.abs(d), 1e-9);
                spikes++;
            }
        }
        // 240 samples at 1/12: 20 expected.
        assertTrue(spikes >= 8 && spikes <= 36, "spikes " + spikes);
    }
}
