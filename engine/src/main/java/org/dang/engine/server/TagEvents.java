package org.dang.engine.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.engine.json.Json;
import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagStore;
import org.dang.engine.watch.AnomalyStatus;

/**
 * Plant scans to the event stream as {@code tags} events, at most one per period: each carries the
 * newest reading of every tag and the multivariate monitor's status, so a remote console's tiles and trends stay live without one event per
 * scan (a replayed month arrives far faster than anyone reads). The last scan of a burst is always sent.
 */
final class TagEvents implements PlantDataListener, AutoCloseable {

    /** At most one {@code tags} event per second. */
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final TagStore store;
    private final Supplier<Optional<AnomalyStatus>> anomalies;
    private final EventHub hub;
    private final AtomicReference<Instant> pending = new AtomicReference<>();
    private final ScheduledExecutorService timer;

    TagEvents(TagStore store, Supplier<Optional<AnomalyStatus>> anomalies, EventHub hub, Duration period) {
        this.store = store;
        this.anomalies = anomalies;
        this.hub = hub;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "api-tag-events");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::publish, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void scan(PlantScan scan) {
        pending.set(scan.time());
    }

    @Override
    public void problem(DataProblem problem) {
        // Data problems reach clients through alarms (quality alarms) and /status.
    }

    private void publish() {
        Instant time = pending.getAndSet(null);
        if (time == null || !hub.hasSubscribers()) {
            return;
        }
        try {
            List<TagSample> readings = new ArrayList<>();
            for (String tag : store.tags()) {
                store.latest(tag).ifPresent(readings::add);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plant_time", time);
            m.put("readings", readings);
            m.put("anomaly", anomalies.get().orElse(null));
            hub.publish("tags", Json.write(m));
        } catch (RuntimeException e) {
            // One bad publish must not end the schedule; the next scan tries again.
            System.getLogger(TagEvents.class.getName()).log(System.Logger.Level.WARNING, "tags event failed: " + e, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
