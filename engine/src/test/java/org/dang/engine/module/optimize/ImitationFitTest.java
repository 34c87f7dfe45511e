package org.dang.engine.module.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.dang.engine.module.optimize.env.Observation;
import org.dang.engine.module.optimize.policy.NetworkPolicy;
import org.dang.engine.module.optimize.training.Demonstrations;
import org.dang.engine.module.optimize.training.ImitationFit;

/** Behaviour cloning learns a known mapping, range ends included, and is reproducible from its seed. */
class ImitationFitTest {

    private static Demonstrations data(int n) {
        SplittableRandom r = new SplittableRandom(8);
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        int f = Observation.FEATURES.size();
        for (int i = 0; i < n; i++) {
            double[] v = new double[f];
            v[0] = 1;
            for (int j = 1; j < f; j++) {
                v[j] = r.nextDouble(-1, 1);
            }
            // A price-like switch to one end of the range, a smooth trend, and constants.
            y.add(new double[] {v[9] > 0 ? 1 : 0, 0.5 + 0.4 * v[2], 0.3, 1, 0, 0.5 - 0.3 * v[5]});
            x.add(v);
        }
        return new Demonstrations(x, y);
    }

    @Test
    void learnsTheMappingAndReachesTheRangeEnds() {
        Demonstrations d = data(600);
        ImitationFit.Result fit = ImitationFit.fit(d, Observation.FEATURES.size(), 8, 150, 3);
        NetworkPolicy p = new NetworkPolicy(Observation.FEATURES.size(), 8, fit.params());
        double err = 0;
        for (int i = 0; i < 100; i++) {
            double[] out = p.act(new Observation(Instant.EPOCH, d.features().get(i), new double[6]));
            double[] want = d.targets().get(i);
            for (int k = 0; k < 6; k++) {
                err += Math.abs(Math.max(0, Math.min(1, out[k])) - want[k]) / 600;
            }
        }
        assertTrue(err < 0.05, "mean absolute error " + err);
        assertArrayEquals(fit.params(), ImitationFit.fit(d, Observation.FEATURES.size(), 8, 150, 3).params());
        assertEquals(fit.params().length, NetworkPolicy.parameterCount(Observation.FEATURES.size(), 8));
    }
}
