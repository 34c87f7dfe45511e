package org.dang.engine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.EventKind;
import org.dang.engine.situation.KpiReading;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.ModuleStatus;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.PlantEvent;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Range;
import org.dang.engine.situation.ScheduleWindow;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;
import org.dang.engine.situation.WindowKind;

/**
 * Seeded, varied crude-unit situations for benchmarks: mostly normal cycles, with events, degraded
 * KPIs, market moves, bad data, schedule windows and operator requests mixed in.
 */
public final class SituationGenerator {

    private static final String[] TAGS = {"feed_rate", "coil_outlet_temp", "tube_metal_temp", "top_pressure",
            "top_temp", "kero_draw_temp", "diesel_draw_temp", "naphtha_yield"};
    private static final double[][] NOMINAL = {{100_000, 2_000, 60_000, 140_000}, {362, 3, 330, 385},
            {590, 8, 450, 680}, {1.5, 0.05, 0.8, 2.5}, {120, 1.5, 90, 150}, {195, 2, 150, 240}, {290, 3, 240, 340},
            {0.18, 0.005, 0.1, 0.3}};

    private final SplittableRandom random;
    private final Instant start;

    /** A generator whose output is fixed by {@code seed}. */
    public SituationGenerator(long seed, Instant start) {
        this.random = new SplittableRandom(seed);
        this.start = start;
    }

    /** The {@code i}-th situation, one minute after the previous one. */
    public Situation next(int i) {
        Instant t = start.plus(Duration.ofMinutes(i));
        int kind = random.nextInt(20);
        List<TagSnapshot> tags = new ArrayList<>();
        for (int k = 0; k < TAGS.length; k++) {
            double[] n = NOMINAL[k];
            List<Double> history = new ArrayList<>(10);
            for (int h = 0; h < 10; h++) {
                history.add(n[0] + n[1] * gaussian());
            }
            Quality q = kind == 3 && k == 3 ? Quality.STALE : Quality.GOOD;
            tags.add(new TagSnapshot(TAGS[k], history.getLast(), "", q, new Range(n[2], n[3]), history));
        }
        List<PlantEvent> events = kind == 1 ? List.of(new PlantEvent(EventKind.EQUIPMENT, "pump P-101 vibration",
                AlertPriority.HIGH, "vibration above limit", List.of("feed_rate"), true)) : List.of();
        List<KpiReading> kpis = List.of(new KpiReading("furnace_efficiency", kind == 2 ? 0.84 : 0.88, 0.88, true));
        MarketIndicators market = new MarketIndicators(gaussian(), kind == 4 ? 2.7 : gaussian(), gaussian(),
                kind == 5 ? 6.5 : gaussian(), Quality.GOOD);
        List<ScheduleWindow> schedule = kind == 6 ? List.of(new ScheduleWindow(WindowKind.OPTIMIZATION_WINDOW,
                t.plusSeconds(300), t.plusSeconds(7200), "shift handover")) : List.of();
        List<OperatorRequest> requests = kind == 7 ? List.of(new OperatorRequest("r" + i, ModuleName.FORECASTING,
                Map.of("tags", List.of("naphtha_yield"), "horizon", 12), "op.lee", "forecast naphtha")) : List.of();
        Map<ModuleName, ModuleStatus> status = Map.of(ModuleName.FORECASTING,
                new ModuleStatus(random.nextInt(3), null, t.minus(Duration.ofMinutes(random.nextInt(120))),
                        random.nextBoolean(), 5 * random.nextDouble()));
        return new Situation("bench-" + i, t, "", tags, events, kpis, market, schedule, requests, status, null);
    }

    private double gaussian() {
        return random.nextGaussian();
    }
}
