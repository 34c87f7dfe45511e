package org.dang.engine.monitor;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines a monitor before it sees data.
 *
 * @param name        method name for reports
 * @param lags        past samples appended to each observation (0 = static PCA, 1 or more = dynamic PCA)
 * @param components  how many principal components to keep
 * @param smoothing   EWMA constant applied to T^2 and Q (1 = no smoothing)
 * @param channels    statistics that can raise the alarm
 * @param cusumK      allowance k of the per-tag CUSUM channel, in standard deviations
 * @param tagLambda   smoothing constant of the per-tag EWMA channel
 * @param limits      how the limits are set
 * @param folds       number of contiguous blocks for cross-validated limits
 * @param confidence  confidence level of every limit, e.g. 0.99
 */
public record MonitorSettings(String name, int lags, ComponentRule components, double smoothing,
        Set<MonitorChannel> channels, double cusumK, double tagLambda, LimitKind limits, int folds,
        double confidence) {

    /** Default number of cross-validation blocks: 30 samples (1.5 h of TEP) each for a 300-sample training set. */
    public static final int DEFAULT_FOLDS = 10;

    public MonitorSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(limits, "limits");
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be >= 0: " + lags);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing (EWMA lambda) must be in (0, 1]: " + smoothing);
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a monitor needs at least one channel");
        }
        channels = Set.copyOf(EnumSet.copyOf(channels));
        if (!(cusumK >= 0)) {
            throw new IllegalArgumentException("CUSUM k must be >= 0: " + cusumK);
        }
        if (!(tagLambda > 0 && tagLambda <= 1)) {
            throw new IllegalArgumentException("tag EWMA lambda must be in (0, 1]: " + tagLambda);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1): " + confidence);
        }
        if (limits == LimitKind.FORMULA && (smoothing != 1 || channels.contains(MonitorChannel.TAG_CUSUM)
                || channels.contains(MonitorChannel.TAG_EWMA))) {
            throw new IllegalArgumentException("formula limits exist only for raw T2 and Q; smoothed statistics and"
                    + " tag charts need cross-validated limits");
        }
    }

    /** The same settings with another confidence level. */
    public MonitorSettings withConfidence(double c) {
        return new MonitorSettings(name, lags, components, smoothing, channels, cusumK, tagLambda, limits, folds, c);
    }

    /** Whether the channel is watched. */
    public boolean watches(MonitorChannel c) {
        return channels.contains(c);
    }
}
