package org.dang.engine.monitor.quality;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;

/**
 * Gives every sample of every scan its data quality: STALE, MISSING, FLATLINE, OUT_OF_RANGE,
 * SPIKE or GOOD, and reports each tag's quality changes (docs/data-quality.md).
 *
 * <p>A spike is a jump that reverts, and only the next sample tells a spike from a genuine step
 * change; so each scan leaves the monitor one scan late: {@link #accept} returns the previous scan,
 * judged, and {@link #flush} the last one. Not thread-safe: feed it from the data source's thread.
 */
public final class TagQualityMonitor {

    /** A scan waiting for the next one; {@code judged} marks the samples their tag's tracker judges. */
    private record Held(PlantScan scan, BitSet judged) {
    }

    private final Map<String, TagTracker> trackers = new LinkedHashMap<>();
    private Held held;

    /** A monitor for {@code tags}, each judged with the thresholds {@code config} gives its type. */
    public TagQualityMonitor(List<TagDefinition> tags, QualityConfig config) {
        Objects.requireNonNull(config, "config");
        for (TagDefinition t : tags) {
            if (trackers.putIfAbsent(t.tag(), new TagTracker(t, config.thresholdsFor(t))) != null) {
                throw new IllegalArgumentException("tag " + t.tag() + " is defined twice");
            }
        }
    }

    /**
     * Takes a new scan and returns the previous one with its samples' qualities final (empty for
     * the first scan). Samples of tags without a definition pass through unchanged.
     */
    public Optional<QualifiedScan> accept(PlantScan scan) {
        Objects.requireNonNull(scan, "scan");
        Map<String, TagSample> byTag = firstSampleOfEachTag(scan);
        Optional<QualifiedScan> out = held == null ? Optional.empty() : Optional.of(release(byTag));
        held = hold(scan, byTag);
        return out;
    }

    /** Returns the scan still held (its jumps cannot be confirmed as spikes any more), or empty. */
    public Optional<QualifiedScan> flush() {
        if (held == null) {
            return Optional.empty();
        }
        QualifiedScan out = release(Map.of());
        held = null;
        return Optional.of(out);
    }

    private Held hold(PlantScan scan, Map<String, TagSample> byTag) {
        List<TagSample> samples = new ArrayList<>(scan.samples().size() + trackers.size());
        BitSet judged = new BitSet();
        Set<String> seen = new HashSet<>();
        for (TagSample s : scan.samples()) {
            TagTracker tracker = trackers.get(s.tag());
            boolean first = tracker != null && seen.add(s.tag());
            judged.set(samples.size(), first);
            samples.add(first ? tracker.take(s, scan.time()) : s);
        }
        for (Map.Entry<String, TagTracker> e : trackers.entrySet()) {
            if (!byTag.containsKey(e.getKey())) {
                judged.set(samples.size());
                samples.add(e.getValue().take(null, scan.time()));
            }
        }
        return new Held(new PlantScan(scan.time(), samples), judged);
    }

    private QualifiedScan release(Map<String, TagSample> next) {
        List<TagSample> in = held.scan().samples();
        List<TagSample> out = new ArrayList<>(in.size());
        List<QualityChange> changes = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            TagSample s = in.get(i);
            if (!held.judged().get(i)) {
                out.add(s);
                continue;
            }
            TagTracker tracker = trackers.get(s.tag());
            TagSample judged = s.withQuality(tracker.finish(next.get(s.tag())));
            out.add(judged);
            tracker.report(judged.quality(), held.scan().time()).ifPresent(changes::add);
        }
        return new QualifiedScan(new PlantScan(held.scan().time(), out), changes);
    }

    private Map<String, TagSample> firstSampleOfEachTag(PlantScan scan) {
        Map<String, TagSample> byTag = new LinkedHashMap<>();
        for (TagSample s : scan.samples()) {
            if (trackers.containsKey(s.tag())) {
                byTag.putIfAbsent(s.tag(), s);
            }
        }
        return byTag;
    }
}
