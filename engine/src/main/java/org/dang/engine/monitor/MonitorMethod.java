package org.dang.engine.monitor;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.dang.engine.monitor.MonitorChannel.Q;
import static org.dang.engine.monitor.MonitorChannel.T2;
import static org.dang.engine.monitor.MonitorChannel.TAG_CUSUM;
import static org.dang.engine.monitor.MonitorChannel.TAG_EWMA;

/**
 * The named monitoring methods and their default settings (docs/monitoring.md explains each).
 */
public enum MonitorMethod {
    /** Static PCA, raw T^2 and Q, textbook limits: the literature baseline. */
    PCA("pca", 0, 1.0, EnumSet.of(T2, Q), LimitKind.FORMULA),
    /** Dynamic PCA: each observation carries the previous one; raw T^2 and Q. */
    DPCA("dpca", 1, 1.0, EnumSet.of(T2, Q), LimitKind.CROSS_VALIDATED),
    /** Static PCA with EWMA-smoothed T^2 and Q. */
    PCA_EWMA("pca-ewma", 0, MonitorMethod.SMOOTHING, EnumSet.of(T2, Q), LimitKind.CROSS_VALIDATED),
    /** Dynamic PCA with EWMA-smoothed T^2 and Q. */
    DPCA_EWMA("dpca-ewma", 1, MonitorMethod.SMOOTHING, EnumSet.of(T2, Q), LimitKind.CROSS_VALIDATED),
    /** Per-tag two-sided CUSUM only. */
    CUSUM("cusum", 0, 1.0, EnumSet.of(TAG_CUSUM), LimitKind.CROSS_VALIDATED),
    /** Per-tag EWMA only. */
    EWMA("ewma", 0, 1.0, EnumSet.of(TAG_EWMA), LimitKind.CROSS_VALIDATED),
    /** Dynamic PCA with EWMA-smoothed T^2 and Q, plus the per-tag CUSUM for slow drifts on single tags. */
    DPCA_EWMA_CUSUM("dpca-ewma-cusum", 1, MonitorMethod.SMOOTHING, EnumSet.of(T2, Q, TAG_CUSUM),
            LimitKind.CROSS_VALIDATED);

    /** Default EWMA constant for T^2 and Q: an average over about 20 samples (1 h of TEP at 3 min). */
    public static final double SMOOTHING = 0.1;
    /** Default retained variance. */
    public static final double VARIANCE = 0.90;

    private final String key;
    private final int lags;
    private final double smoothing;
    private final Set<MonitorChannel> channels;
    private final LimitKind limits;

    MonitorMethod(String key, int lags, double smoothing, Set<MonitorChannel> channels, LimitKind limits) {
        this.key = key;
        this.lags = lags;
        this.smoothing = smoothing;
        this.channels = channels;
        this.limits = limits;
    }

    /** The name used on the command line. */
    public String key() {
        return key;
    }

    /** Default settings of this method at the given confidence. */
    public MonitorSettings settings(double confidence) {
        return new MonitorSettings(key, lags, new ComponentRule.CumulativeVariance(VARIANCE), smoothing, channels,
                CusumChart.DEFAULT_K, EwmaChart.DEFAULT_LAMBDA, limits, MonitorSettings.DEFAULT_FOLDS, confidence);
    }

    /** The method with this command-line name. */
    public static MonitorMethod byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method '" + key + "'; known: " + keys()));
    }

    /** All command-line names, comma-separated. */
    public static String keys() {
        return Arrays.stream(values()).map(MonitorMethod::key).collect(Collectors.joining(", "));
    }
}
