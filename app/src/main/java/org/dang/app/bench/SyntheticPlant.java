package org.dang.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/** Benchmark load: {@code n} seeded sine-plus-noise tags scanned at a fixed period (the UI benchmark's plant). */
final class SyntheticPlant implements PlantDataSource {

    private final List<TagDefinition> tags = new ArrayList<>();
    private final Duration period;
    private final SplittableRandom random = new SplittableRandom(7);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-plant");
        t.setDaemon(true);
        return t;
    });

    SyntheticPlant(int n, Duration period) {
        for (int i = 0; i < n; i++) {
            tags.add(new TagDefinition(String.format("bench_tag_%02d", i), "benchmark tag " + i, "unit", 0, 200,
                    AlarmLimits.none()));
        }
        this.period = period;
    }

    @Override
    public String name() {
        return tags.size() + " synthetic tags every " + period.toMillis() + " ms";
    }

    @Override
    public List<TagDefinition> tags() {
        return tags;
    }

    PlantScan scan(Instant t, long k) {
        List<TagSample> samples = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            double v = 100 + 40 * Math.sin(k / (60.0 + i)) + random.nextGaussian();
            samples.add(new TagSample(tags.get(i).tag(), t, v, Quality.GOOD));
        }
        return new PlantScan(t, samples);
    }

    @Override
    public void start(PlantDataListener listener) {
        long[] k = {0};
        thread.scheduleAtFixedRate(() -> listener.scan(scan(Instant.now(), k[0]++)), 0, period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
