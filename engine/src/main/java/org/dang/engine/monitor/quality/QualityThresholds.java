package org.dang.engine.monitor.quality;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TagQualityMonitor} judges one kind of tag (docs/data-quality.md).
 *
 * @param staleAfter      STALE when the newest sample of the tag is older than this at scan time
 *                        (its timestamp has not advanced for this long)
 * @param flatlineSamples FLATLINE when this many consecutive new samples carry the identical value
 * @param spikeSigmas     a jump is suspect when it departs from the median recent difference by
 *                        more than this many robust sigmas (1.4826 x MAD of recent differences)
 * @param spikeWindow     how many recent sample-to-sample differences the robust sigma is taken over
 * @param spikeMinHistory no SPIKE is judged before this many differences are known
 * @param spikeMinJump    smallest jump that can be a spike, as a fraction of the physical range; keeps
 *                        a one-step wobble of a quiet or quantised signal (robust sigma near 0) from
 *                        counting as a spike
 */
public record QualityThresholds(Duration staleAfter, int flatlineSamples, double spikeSigmas, int spikeWindow,
                                int spikeMinHistory, double spikeMinJump) {

    public QualityThresholds {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, was " + staleAfter);
        }
        if (flatlineSamples < 2) {
            throw new IllegalArgumentException("flatlineSamples must be at least 2, was " + flatlineSamples);
        }
        if (!(spikeSigmas > 0)) {
            throw new IllegalArgumentException("spikeSigmas must be positive, was " + spikeSigmas);
        }
        if (spikeMinHistory < 3 || spikeWindow < spikeMinHistory) {
            throw new IllegalArgumentException("need 3 <= spikeMinHistory <= spikeWindow, were " + spikeMinHistory
                    + " and " + spikeWindow);
        }
        if (!(spikeMinJump >= 0 && spikeMinJump < 1)) {
            throw new IllegalArgumentException("spikeMinJump must be in [0, 1), was " + spikeMinJump);
        }
    }

    /**
     * Defaults: stale after 60 s; flat-lined after 30 identical samples; a spike departs by more
     * than 6 robust sigmas of the last 60 differences (10 known at least) and by at least 1 % of range.
     */
    public static QualityThresholds defaults() {
        return new QualityThresholds(Duration.ofSeconds(60), 30, 6.0, 60, 10, 0.01);
    }

    /** The same thresholds with another flat-line sample count. */
    public QualityThresholds withFlatlineSamples(int n) {
        return new QualityThresholds(staleAfter, n, spikeSigmas, spikeWindow, spikeMinHistory, spikeMinJump);
    }

    /** The same thresholds with another stale time. */
    public QualityThresholds withStaleAfter(Duration d) {
        return new QualityThresholds(d, flatlineSamples, spikeSigmas, spikeWindow, spikeMinHistory, spikeMinJump);
    }
}
