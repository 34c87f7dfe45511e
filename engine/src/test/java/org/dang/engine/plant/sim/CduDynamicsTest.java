package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** First-order lags with dead time, and measurement noise of the stated size. */
class CduDynamicsTest {

    private static final double ONE_TAU = 1 - Math.exp(-1);

    @Test
    void cotStepWaitsOutTheDeadTimeThenReaches63PercentAfterOneTimeConstant() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet());
        sim.run(5);
        assertEquals(360.0, sim.state().truth(CduTag.COIL_OUTLET_TEMP), 1e-9);
        sim.apply(sim.setpoints().withCoilOutletTemp(370));
        int dead = (int) CduTag.COIL_OUTLET_TEMP.deadTimeMin();
        int tau = (int) CduTag.COIL_OUTLET_TEMP.timeConstantMin();
        for (int i = 0; i < dead; i++) {
            assertEquals(360.0, sim.step().truth(CduTag.COIL_OUTLET_TEMP), 1e-12, "nothing within the dead time");
        }
        CduState s = sim.run(tau);
        assertEquals(360 + 10 * ONE_TAU, s.truth(CduTag.COIL_OUTLET_TEMP), 0.01);
        assertEquals(370, sim.run(10 * tau).truth(CduTag.COIL_OUTLET_TEMP), 0.01);
    }

    @Test
    void keroDrawStepFollowsItsLongerLag() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet());
        sim.apply(sim.setpoints().withKeroDrawTemp(210));
        CduState atDead = sim.run(2);
        assertEquals(200.0, atDead.truth(CduTag.KERO_DRAW_TEMP), 1e-12);
        double firstMove = sim.step().truth(CduTag.KERO_DRAW_TEMP) - 200;
        assertEquals(10 * (1 - Math.exp(-1.0 / 12)), firstMove, 1e-9);
        CduState oneTau = sim.run(11);
        assertEquals(200 + 10 * ONE_TAU, oneTau.truth(CduTag.KERO_DRAW_TEMP), 0.01);
    }

    @Test
    void analyserTagsSeeNothingBeforeTheirDeadTime() {
        CduSimulator base = new CduSimulator(CduFixtures.quiet());
        CduSimulator moved = base.copy();
        moved.apply(moved.setpoints().withCoilOutletTemp(372));
        int dead = (int) CduTag.DIESEL_T95.deadTimeMin();
        for (int i = 0; i < dead; i++) {
            assertEquals(base.step().truth(CduTag.DIESEL_T95), moved.step().truth(CduTag.DIESEL_T95), 1e-12,
                    "step " + i);
        }
        assertNotEquals(base.step().truth(CduTag.DIESEL_T95), moved.step().truth(CduTag.DIESEL_T95));
    }

    @Test
    void twoMinuteStepsKeepTheSameTimeConstant() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet().withStep(Duration.ofMinutes(2)));
        sim.apply(sim.setpoints().withKeroDrawTemp(210));
        sim.run(1);
        CduState s = sim.run(6);
        assertEquals(CduFixtures.at(14), s.time());
        assertEquals(200 + 10 * ONE_TAU, s.truth(CduTag.KERO_DRAW_TEMP), 0.01);
    }

    @Test
    void measurementNoiseHasTheStatedSizeAndNoBias() {
        CduSimulator sim = CduSimulator.seeded(11);
        int n = 3000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            CduState s = sim.step();
            double e = s.measured(CduTag.TUBE_METAL_TEMP) - s.truth(CduTag.TUBE_METAL_TEMP);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(0, mean, 0.06);
        assertEquals(CduTag.TUBE_METAL_TEMP.noiseSigma(), sd, 0.05);
        assertTrue(CduTag.TUBE_METAL_TEMP.noiseSigma() > 0);
    }
}
