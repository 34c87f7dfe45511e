package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Everything follows from the seed: same seed, same run; a copy continues like the original. */
class CduReproducibilityTest {

    private static CduSimulator withSampleEvents(long seed) {
        return new CduSimulator(CduConfig.defaults(seed), SampleMonth.schedule(CduFixtures.T0));
    }

    @Test
    void sameSeedGivesIdenticalStates() {
        CduSimulator a = withSampleEvents(7);
        CduSimulator b = withSampleEvents(7);
        assertEquals(a.state(), b.state());
        // Five days cover the first fouling, a flat-line, spikes, a dropout and the crude switch.
        for (int i = 0; i < 5 * 1440; i++) {
            assertEquals(a.step(), b.step(), "step " + i);
        }
    }

    @Test
    void anotherSeedGivesOtherNoise() {
        CduState a = withSampleEvents(7).run(10);
        CduState b = withSampleEvents(8).run(10);
        assertNotEquals(a.measured(CduTag.FEED_RATE), b.measured(CduTag.FEED_RATE));
        assertEquals(a.time(), b.time());
    }

    @Test
    void copyContinuesExactlyLikeTheOriginal() {
        CduSimulator a = withSampleEvents(7);
        a.run(4 * 1440 + 100);
        CduSimulator b = a.copy();
        for (int i = 0; i < 600; i++) {
            assertEquals(a.step(), b.step(), "step " + i);
        }
        b.apply(b.setpoints().withCoilOutletTemp(370));
        b.step();
        a.step();
        assertEquals(360.0, a.setpoints().coilOutletTemp(), "changing the copy leaves the original alone");
    }
}
