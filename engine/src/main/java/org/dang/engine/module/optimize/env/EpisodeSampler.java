package org.dang.engine.module.optimize.env;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.dang.engine.module.optimize.safety.SafetyLimits;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.Crude;
import org.dang.engine.plant.sim.EquipmentCondition;
import org.dang.engine.plant.sim.EventSchedule;
import org.dang.engine.plant.sim.FurnaceFouling;
import org.dang.engine.plant.sim.Prices;
import org.dang.engine.plant.sim.Setpoints;

/**
 * Draws randomised episodes from a seed: crude, equipment condition (furnace fouling that keeps
 * creeping during the episode, preheat loss, pump wear), prices around a random Brent, time of
 * day (air temperature) and start setpoints that are safe under those conditions. The ranges are
 * in docs/optimization.md. The same seed always gives the same episode.
 */
public final class EpisodeSampler {

    private static final int START_TRIES = 200;

    private final Duration length;
    private final SafetyLimits limits;
    private final CduSteadyStateModel model = new CduSteadyStateModel();

    /** Episodes of {@code length} plant time whose start setpoints respect {@code limits}. */
    public EpisodeSampler(Duration length, SafetyLimits limits) {
        this.length = length;
        this.limits = limits;
    }

    /** The episode of {@code seed}. */
    public EpisodeSetup sample(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Crude> crudes = Crude.library();
        Crude crude = crudes.get(r.nextInt(crudes.size()));
        EquipmentCondition eq = new EquipmentCondition(r.nextDouble(0, 0.45), r.nextDouble(0, 0.25),
                r.nextDouble(0, 0.35));
        double brent = r.nextDouble(50, 90);
        Prices prices = new Prices(brent, brent * r.nextDouble(0.30, 0.45), brent + r.nextDouble(-12, 4),
                brent + r.nextDouble(8, 25), brent + r.nextDouble(8, 28), brent * r.nextDouble(0.75, 0.92),
                r.nextDouble(2, 8), r.nextDouble(6, 16));
        Instant start = CduConfig.SAMPLE_START.plus(Duration.ofMinutes(r.nextInt(24 * 60)));
        CduConfig base = new CduConfig(seed, start, Duration.ofMinutes(1), 1.0, crude.name(), Setpoints.nominal(),
                prices, eq);
        CduConditions now = new CduSimulator(base).conditions();
        Setpoints sp = Setpoints.nominal();
        for (int i = 0; i < START_TRIES; i++) {
            Setpoints candidate = new Setpoints(r.nextDouble(340, 370), r.nextDouble(80_000, 105_000),
                    r.nextDouble(1.0, 2.2), r.nextDouble(4, 8), r.nextDouble(190, 215), r.nextDouble(275, 305));
            if (safe(now, candidate)) {
                sp = candidate;
                break;
            }
        }
        double creep = r.nextDouble(0.001, 0.02);
        EventSchedule schedule = new EventSchedule(List.of(new FurnaceFouling(start, start.plus(length), creep,
                "fouling creeping on during the episode")));
        String what = String.format(Locale.ROOT, "%s, fouling %.2f(+%.3f), preheat loss %.2f, pump wear %.2f,"
                + " Brent %.1f, diesel crack %.1f", crude.name(), eq.furnaceFouling(), creep, eq.preheatLoss(),
                eq.pumpWear(), brent, prices.diesel() - brent);
        return new EpisodeSetup(seed, base.withSetpoints(sp), schedule, what);
    }

    private boolean safe(CduConditions now, Setpoints sp) {
        for (double e : limits.excesses(model.predict(now, sp).constraints())) {
            if (e > 0) {
                return false;
            }
        }
        return true;
    }
}
