package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Yields close the volume balance and sit where such crudes put them. */
class CduMassBalanceTest {

    private static final List<Setpoints> CORNERS = List.of(Setpoints.nominal(),
            Setpoints.clamped(330, 60_000, 0.8, 2, 180, 265), Setpoints.clamped(385, 115_000, 3.0, 10, 225, 320),
            Setpoints.clamped(385, 60_000, 0.8, 10, 180, 320), Setpoints.clamped(330, 115_000, 3.0, 2, 225, 265));

    @Test
    void yieldsSumToOneForEveryCrudeAndSetpointCorner() {
        for (Crude c : Crude.library()) {
            for (Setpoints sp : CORNERS) {
                CduState s = new CduSimulator(CduFixtures.quiet().withCrude(c.name()).withSetpoints(sp)).run(60);
                ProductYields y = s.yields();
                assertEquals(1.0, y.sum(), 1e-9, c.name() + " " + sp);
                for (double f : new double[] {y.lpg(), y.naphtha(), y.kerosene(), y.diesel(), y.residue()}) {
                    assertTrue(f > 0 && f < 1, c.name() + " " + sp + " " + y);
                }
            }
        }
    }

    @Test
    void nominalYieldsArePlausibleForEachCrude() {
        // Ranges (vol%) typical of a 38, 31 and 22 API crude cut at about 25/170/235/350 degC.
        double[][] residue = {{33, 45}, {45, 56}, {55, 68}};
        double[][] naphtha = {{20, 30}, {14, 22}, {9, 16}};
        double[][] diesel = {{17, 26}, {16, 24}, {13, 21}};
        List<Crude> crudes = Crude.library();
        for (int i = 0; i < crudes.size(); i++) {
            ProductYields y = new CduSimulator(CduFixtures.quiet().withCrude(crudes.get(i).name())).state().yields();
            String n = crudes.get(i).name() + " " + y;
            assertTrue(100 * y.residue() >= residue[i][0] && 100 * y.residue() <= residue[i][1], n);
            assertTrue(100 * y.naphtha() >= naphtha[i][0] && 100 * y.naphtha() <= naphtha[i][1], n);
            assertTrue(100 * y.diesel() >= diesel[i][0] && 100 * y.diesel() <= diesel[i][1], n);
            assertTrue(100 * y.lpg() >= 0.5 && 100 * y.lpg() <= 3.5, n);
        }
    }

    @Test
    void measuredYieldsAddUpWithinNoise() {
        CduState s = new CduSimulator(CduConfig.defaults(3)).run(30);
        double sum = s.measured(CduTag.LPG_YIELD) + s.measured(CduTag.NAPHTHA_YIELD) + s.measured(CduTag.KERO_YIELD)
                + s.measured(CduTag.DIESEL_YIELD) + s.measured(CduTag.RESIDUE_YIELD);
        assertEquals(100, sum, 1.0);
    }
}
