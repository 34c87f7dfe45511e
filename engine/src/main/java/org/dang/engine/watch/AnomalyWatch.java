package org.dang.engine.watch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.monitor.Matrix;
import org.dang.engine.monitor.Monitor;
import org.dang.engine.monitor.MonitorMethod;
import org.dang.engine.monitor.MonitorPoint;
import org.dang.engine.monitor.MonitorStream;
import org.dang.engine.monitor.TagContribution;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.EventKind;
import org.dang.engine.situation.PlantEvent;
import org.dang.engine.situation.Quality;

/**
 * Multivariate anomaly detection on the live unit: learns normal operation from the first
 * {@code learnScans} complete, good scans (DPCA with EWMA-smoothed T^2/Q and per-tag CUSUM, see
 * docs/monitoring.md), then scores every scan. The start of an anomaly episode becomes an ANOMALY
 * event naming the tags that drive it. Scans with a bad sample are skipped, not scored: data quality
 * is rule 1's business, not an anomaly. Used from the plant data thread only.
 */
final class AnomalyWatch {

    private final List<String> tags;
    private final int learnScans;
    private final List<double[]> learning = new ArrayList<>();
    private Monitor monitor;
    private MonitorStream stream;
    private boolean inEpisode;
    private final List<PlantEvent> pending = new ArrayList<>();
    private volatile AnomalyStatus status = new AnomalyStatus(false, false, null, List.of());

    AnomalyWatch(List<String> tags, int learnScans) {
        this.tags = List.copyOf(tags);
        this.learnScans = learnScans;
    }

    void scan(PlantScan scan) {
        Optional<double[]> row = row(scan);
        if (row.isEmpty()) {
            return;
        }
        if (monitor == null) {
            learning.add(row.get());
            if (learning.size() == learnScans) {
                monitor = Monitor.fit(Matrix.of(learning.toArray(double[][]::new)),
                        MonitorMethod.DPCA_EWMA_CUSUM.settings(0.99));
                stream = monitor.stream();
                learning.clear();
            }
            return;
        }
        MonitorPoint p = stream.next(row.get());
        if (p.scored() && p.alarm() && !inEpisode) {
            List<TagContribution> ranked = monitor.contributions(p).ranked(tags).stream()
                    .sorted(Comparator.comparingDouble((TagContribution c) -> -Math.max(c.t2Share(), c.qShare())))
                    .toList();
            List<TagContribution> top = ranked.stream().limit(3).toList();
            status = new AnomalyStatus(true, true, scan.time(), ranked);
            pending.add(new PlantEvent(EventKind.ANOMALY, "multivariate monitor (DPCA, T2/Q/CUSUM)",
                    AlertPriority.MEDIUM, "unit operation departs from its learnt normal at " + scan.time()
                    + "; driven by " + top.stream().map(TagContribution::tag).collect(Collectors.joining(", ")),
                    top.stream().map(TagContribution::tag).toList(), false));
        }
        if (p.scored()) {
            inEpisode = p.alarm();
            AnomalyStatus s = status;
            if (s.anomalous() != inEpisode || !s.trained()) {
                status = new AnomalyStatus(true, inEpisode, s.since(), s.contributions());
            }
        }
    }

    /** The monitor's view of the unit now (any thread). */
    AnomalyStatus status() {
        return status;
    }

    /** Anomaly episodes that started since the last call. */
    List<PlantEvent> drainEvents() {
        List<PlantEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    private Optional<double[]> row(PlantScan scan) {
        double[] row = new double[tags.size()];
        int found = 0;
        for (TagSample s : scan.samples()) {
            int i = tags.indexOf(s.tag());
            if (i < 0) {
                continue;
            }
            if (s.quality() != Quality.GOOD || !Double.isFinite(s.value())) {
                return Optional.empty();
            }
            row[i] = s.value();
            found++;
        }
        return found == tags.size() ? Optional.of(row) : Optional.empty();
    }
}
