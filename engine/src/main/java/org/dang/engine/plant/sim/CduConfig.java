package org.dang.engine.plant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a simulator starts: seed, start time, time step, noise scale, crude, setpoints, prices and
 * equipment condition.
 *
 * @param seed       seed of every random stream (measurement noise, crude wander, spikes)
 * @param start      simulated time of the initial state
 * @param step       time step (1 min by default)
 * @param noiseScale multiplier on every tag's measurement noise (0 = noise-free measurements)
 * @param crude      name of the library crude in the tank at start
 * @param setpoints  initial setpoints
 * @param prices     initial prices
 * @param equipment  initial equipment condition
 */
public record CduConfig(long seed, Instant start, Duration step, double noiseScale, String crude, Setpoints setpoints,
                        Prices prices, EquipmentCondition equipment) {

    /** Start of the bundled sample month. */
    public static final Instant SAMPLE_START = Instant.parse("2026-11-01T00:00:00Z");

    public CduConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(setpoints, "setpoints");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(equipment, "equipment");
        if (step.toMillis() < 1000) {
            throw new IllegalArgumentException("time step must be at least 1 s, was " + step);
        }
        if (!(noiseScale >= 0)) {
            throw new IllegalArgumentException("noise scale must be 0 or more, was " + noiseScale);
        }
        if (Crude.byName(crude).isEmpty()) {
            throw new IllegalArgumentException("unknown crude " + crude);
        }
    }

    /** Medium sour crude at the nominal setpoints, 1 min steps, EIA 2019 prices, a furnace a few months into its run. */
    public static CduConfig defaults(long seed) {
        return new CduConfig(seed, SAMPLE_START, Duration.ofMinutes(1), 1.0, "medium_sour", Setpoints.nominal(),
                Prices.eia2019(), new EquipmentCondition(0.05, 0, 0));
    }

    /** Another start time. */
    public CduConfig withStart(Instant t) {
        return new CduConfig(seed, t, step, noiseScale, crude, setpoints, prices, equipment);
    }

    /** Another time step. */
    public CduConfig withStep(Duration d) {
        return new CduConfig(seed, start, d, noiseScale, crude, setpoints, prices, equipment);
    }

    /** Another noise scale. */
    public CduConfig withNoiseScale(double s) {
        return new CduConfig(seed, start, step, s, crude, setpoints, prices, equipment);
    }

    /** Another starting crude. */
    public CduConfig withCrude(String name) {
        return new CduConfig(seed, start, step, noiseScale, name, setpoints, prices, equipment);
    }

    /** Other initial setpoints. */
    public CduConfig withSetpoints(Setpoints s) {
        return new CduConfig(seed, start, step, noiseScale, crude, s, prices, equipment);
    }

    /** Another initial equipment condition. */
    public CduConfig withEquipment(EquipmentCondition e) {
        return new CduConfig(seed, start, step, noiseScale, crude, setpoints, prices, e);
    }
}
