package org.dang.engine.monitor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A fitted multivariate monitor: a PCA (or dynamic PCA) model of normal operation, its channels
 * and their limits. Immutable; each data stream gets its own {@link MonitorStream}.
 *
 * <p>Detection rule: an observation alarms when any watched channel's value exceeds its limit
 * (see docs/monitoring.md for the channels of each method).
 */
public final class Monitor {

    private final MonitorSettings settings;
    private final PcaModel model;
    private final List<MonitorChannel> channels;
    private final ChannelLimits limits;
    private final int tags;

    private Monitor(MonitorSettings settings, PcaModel model, List<MonitorChannel> channels, ChannelLimits limits,
            int tags) {
        this.settings = settings;
        this.model = model;
        this.channels = channels;
        this.limits = limits;
        this.tags = tags;
    }

    /** Fits on normal data (one row per observation, one column per tag) and sets the limits from it alone. */
    public static Monitor fit(Matrix normal, MonitorSettings settings) {
        List<MonitorChannel> channels = List.copyOf(EnumSet.copyOf(settings.channels()));
        Matrix lagged = LaggedRows.of(normal, settings.lags());
        if (lagged.rows() <= lagged.cols()) {
            throw new IllegalArgumentException("PCA needs more observations than variables: " + lagged.rows()
                    + " rows for " + lagged.cols() + " variables (" + normal.cols() + " tags x " + (settings.lags() + 1)
                    + ")");
        }
        PcaModel model = PcaModel.fit(lagged, settings.components());
        ChannelLimits limits = settings.limits() == LimitKind.FORMULA
                ? Calibration.formula(model, settings, channels)
                : Calibration.crossValidated(normal, settings, channels);
        return new Monitor(settings, model, channels, limits, normal.cols());
    }

    /** A new stream with fresh filter state (EWMAs at their normal means, CUSUMs at zero). */
    public MonitorStream stream() {
        return new MonitorStream(this, new ChannelFilters(settings, channels, tags, limits.t2Start(), limits.qStart()));
    }

    /** Runs a fresh stream over every row of {@code data}. */
    public List<MonitorPoint> run(Matrix data) {
        MonitorStream s = stream();
        List<MonitorPoint> out = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            out.add(s.next(data.row(i)));
        }
        return out;
    }

    /** Per-tag reconstruction-based contributions to T^2 and Q of a scored point (a tag's lags taken together). */
    public Contributions contributions(MonitorPoint point) {
        if (!point.scored()) {
            throw new IllegalArgumentException("point " + point.index() + " was not scored (not enough history)");
        }
        return model.contributions(point.pca(), tags);
    }

    /** The settings it was fitted with. */
    public MonitorSettings settings() {
        return settings;
    }

    /** The PCA model of normal operation. */
    public PcaModel model() {
        return model;
    }

    /** Watched channels, in the order of {@link MonitorPoint#values()} and of the limits. */
    public List<MonitorChannel> channels() {
        return channels;
    }

    /** The limits and their origin. */
    public ChannelLimits limits() {
        return limits;
    }

    /** Number of tags per observation. */
    public int tags() {
        return tags;
    }
}
