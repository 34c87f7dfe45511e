package org.dang.engine.monitor.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/**
 * One tag's quality across scans: when its timestamp last advanced, how long its value has sat
 * still, its recent differences, and whether the sample held back by the monitor jumped.
 */
final class TagTracker {

    /** The held sample jumped from {@code before}; a SPIKE if the next sample returns near {@code expectedReturn}. */
    private record Jump(double before, double difference, double expectedReturn, double threshold) {
    }

    private final TagDefinition tag;
    private final QualityThresholds thresholds;
    private final DifferenceWindow differences;
    private Instant newestTime;
    private double flatValue = Double.NaN;
    private int flatRun;
    /** Value the next difference is taken from; after a confirmed spike, the value before it. */
    private double lastValue = Double.NaN;
    private Quality heldQuality = Quality.GOOD;
    private Jump jump;
    private Quality lastReported = Quality.GOOD;

    TagTracker(TagDefinition tag, QualityThresholds thresholds) {
        this.tag = tag;
        this.thresholds = thresholds;
        this.differences = new DifferenceWindow(thresholds.spikeWindow());
    }

    /**
     * Takes the tag's sample of a new scan (null when the scan lacks the tag), judges everything but
     * SPIKE, and returns the sample to hold: the given one, or a MISSING NaN sample in its place.
     */
    TagSample take(TagSample sample, Instant scanTime) {
        jump = null;
        if (sample == null) {
            forgetHistory();
            heldQuality = Quality.MISSING;
            return new TagSample(tag.tag(), scanTime, Double.NaN, Quality.MISSING);
        }
        heldQuality = judge(sample, scanTime);
        return sample;
    }

    /** Final quality of the held sample, now that the next sample (or null) shows whether a jump reverted. */
    Quality finish(TagSample next) {
        Quality q = heldQuality;
        if (jump != null) {
            if (reverts(next)) {
                q = q == Quality.GOOD ? Quality.SPIKE : q;
                lastValue = jump.before(); // the spike leaves no trace in the differences
            } else {
                differences.add(jump.difference()); // a genuine step is part of the signal's behaviour
            }
            jump = null;
        }
        return q;
    }

    /** The change from the previously reported quality, if any; remembers {@code q} as reported. */
    Optional<QualityChange> report(Quality q, Instant time) {
        if (q == lastReported) {
            return Optional.empty();
        }
        QualityChange change = new QualityChange(tag.tag(), lastReported, q, time);
        lastReported = q;
        return Optional.of(change);
    }

    private Quality judge(TagSample s, Instant scanTime) {
        if (s.quality() != Quality.GOOD) {
            forgetHistory();
            return s.quality(); // the source's own verdict (e.g. BAD from the DCS) stands
        }
        double v = s.value();
        if (!Double.isFinite(v)) {
            forgetHistory();
            return Quality.MISSING;
        }
        if (newestTime == null || s.time().isAfter(newestTime)) {
            newestTime = s.time();
            follow(v);
        }
        if (Duration.between(newestTime, scanTime).compareTo(thresholds.staleAfter()) > 0) {
            return Quality.STALE;
        }
        if (!tag.inRange(v)) {
            return Quality.OUT_OF_RANGE;
        }
        if (flatRun >= thresholds.flatlineSamples()) {
            return Quality.FLATLINE;
        }
        return Quality.GOOD;
    }

    /** Updates the flat-line run and the differences with a new value; marks a suspect jump. */
    private void follow(double v) {
        flatRun = v == flatValue ? flatRun + 1 : 1;
        flatValue = v;
        if (Double.isFinite(lastValue)) {
            double d = v - lastValue;
            if (differences.size() >= thresholds.spikeMinHistory()) {
                DifferenceWindow.Spread spread = differences.spread();
                double threshold = Math.max(thresholds.spikeSigmas() * spread.sigma(),
                        thresholds.spikeMinJump() * (tag.high() - tag.low()));
                if (Math.abs(d - spread.median()) > threshold) {
                    jump = new Jump(lastValue, d, lastValue + 2 * spread.median(), threshold);
                }
            }
            if (jump == null) {
                differences.add(d);
            }
        }
        lastValue = v;
    }

    private boolean reverts(TagSample next) {
        return next != null && next.quality() == Quality.GOOD && Double.isFinite(next.value())
                && next.time().isAfter(newestTime)
                && Math.abs(next.value() - jump.expectedReturn()) <= jump.threshold();
    }

    /** A gap or a bad value: no difference or flat-line run is carried across it. */
    private void forgetHistory() {
        flatRun = 0;
        flatValue = Double.NaN;
        lastValue = Double.NaN;
    }
}
