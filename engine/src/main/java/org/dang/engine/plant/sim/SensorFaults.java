package org.dang.engine.plant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns clean measurements into what faulty transmitters report. Spikes draw from their own
 * random stream, so a fault never changes the process or the other tags' noise.
 */
final class SensorFaults {

    static final double SPIKE_PROBABILITY = 1.0 / 12;

    private final NoiseSource random;
    private final Map<Integer, Double> stuckValues;

    SensorFaults(NoiseSource random) {
        this.random = random;
        this.stuckValues = new HashMap<>();
    }

    private SensorFaults(SensorFaults o) {
        random = o.random.copy();
        stuckValues = new HashMap<>(o.stuckValues);
    }

    SensorFaults copy() {
        return new SensorFaults(this);
    }

    /**
     * The reported values at {@code t}.
     *
     * @param events   all events; index i is the key for a stuck value
     * @param previous the values reported one step earlier (what a STUCK fault freezes)
     */
    double[] apply(Instant t, double[] clean, List<CduEvent> events, double[] previous) {
        double[] out = clean.clone();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof SensorFault f) || !f.activeAt(t)) {
                continue;
            }
            int k = f.tag().ordinal();
            out[k] = switch (f.mode()) {
                case FLATLINE -> f.magnitude();
                case DROPOUT -> Double.NaN;
                case STUCK -> stuckValues.computeIfAbsent(i, x -> previous[k]);
                case DRIFT -> out[k] + f.magnitude() * fraction(f, t);
                case SPIKE -> {
                    boolean spike = random.nextDouble() < SPIKE_PROBABILITY;
                    double sign = random.nextDouble() < 0.5 ? -1 : 1;
                    yield spike ? out[k] + sign * f.magnitude() : out[k];
                }
            };
        }
        return out;
    }

    private static double fraction(SensorFault f, Instant t) {
        Duration total = f.duration();
        return total.isZero() ? 1 : (double) Duration.between(f.start(), t).toMillis() / total.toMillis();
    }
}
