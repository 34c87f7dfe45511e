package org.dang.engine.plant.sim;

import java.time.Duration;
import java.time.Instant;

/** Shared set-ups for the CDU simulator tests. */
final class CduFixtures {

    static final long SEED = 20261124L;
    static final Instant T0 = CduConfig.SAMPLE_START;

    private CduFixtures() {
    }

    /** Default configuration without measurement noise. */
    static CduConfig quiet() {
        return CduConfig.defaults(SEED).withNoiseScale(0);
    }

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
