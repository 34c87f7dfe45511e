package org.dang.engine.monitor;

import java.util.List;

/**
 * Sets a monitor's limits from normal training data only.
 *
 * <p>Cross-validated limits: the training rows are cut into {@code folds} contiguous blocks. For
 * each block a PCA model is fitted on the other blocks (leaving out the lagged rows whose window
 * touches the block) and T^2, Q and the standardised tags are computed for the block's rows. The
 * out-of-fold values, in time order, form one normal series that no model saw while fitting; the
 * channel filters (EWMA, CUSUM) run over it from their start values, and each channel's limit is
 * the empirical quantile at the confidence level. Blocks rather than random rows because
 * neighbouring plant samples are strongly correlated: a random split would let the model see the
 * left-out rows' neighbours and make the limits too tight.
 *
 * <p>Why not the formulas: fitted on a few hundred samples, in-sample T^2 and Q understate what new
 * normal data give (most of all Q, whose small residual eigenvalues are underestimated), and the
 * formulas assume independent samples, which neither plant data nor smoothed statistics are.
 */
public final class Calibration {

    private Calibration() {
    }

    /** Formula limits (F for T^2, Jackson-Mudholkar for Q) for a model; the settings must watch only T^2 and Q. */
    public static ChannelLimits formula(PcaModel model, MonitorSettings s, List<MonitorChannel> channels) {
        double[] limits = new double[channels.size()];
        for (int c = 0; c < limits.length; c++) {
            limits[c] = switch (channels.get(c)) {
                case T2 -> model.t2Limit(s.confidence());
                case Q -> model.qLimit(s.confidence());
                default -> throw new IllegalArgumentException("no formula limit for " + channels.get(c));
            };
        }
        return new ChannelLimits(limits, limits.clone(), 1.0, model.components(), 0.0, 0);
    }

    /** Cross-validated limits for {@code data} (raw training rows) under the settings. */
    public static ChannelLimits crossValidated(Matrix data, MonitorSettings s, List<MonitorChannel> channels) {
        int n = data.rows();
        int lags = s.lags();
        int tags = data.cols();
        Matrix lagged = LaggedRows.of(data, lags);
        int scored = n - lags;
        if ((1 - s.confidence()) * scored < 1) {
            // Beyond the largest calibration value an empirical quantile is only the maximum renamed.
            throw new IllegalArgumentException("a " + s.confidence() + " limit needs at least "
                    + (int) Math.ceil(1 / (1 - s.confidence())) + " calibration samples, the training data give "
                    + scored + "; give more normal data or a lower confidence");
        }
        PcaPoint[] points = new PcaPoint[scored];
        for (int f = 0; f < s.folds(); f++) {
            int start = (int) ((long) f * n / s.folds());
            int end = (int) ((long) (f + 1) * n / s.folds());
            int[] train = trainingRows(n, lags, start, end);
            if (train.length <= lagged.cols()) {
                throw new IllegalArgumentException("training data too short for " + s.folds() + " folds: a fold"
                        + " leaves " + train.length + " rows for " + lagged.cols() + " variables; give more normal"
                        + " data, fewer lags or more folds");
            }
            PcaModel fold = PcaModel.fit(lagged.selectRows(train), s.components());
            for (int i = Math.max(start, lags); i < end; i++) {
                points[i - lags] = fold.project(lagged.row(i - lags));
            }
        }
        double t2Start = 0;
        double qStart = 0;
        for (PcaPoint p : points) {
            t2Start += p.t2() / scored;
            qStart += p.q() / scored;
        }
        ChannelFilters filters = new ChannelFilters(s, channels, tags, t2Start, qStart);
        double[][] values = new double[channels.size()][scored];
        for (int r = 0; r < scored; r++) {
            double[] v = filters.update(points[r], head(points[r].standardized(), tags));
            for (int c = 0; c < v.length; c++) {
                values[c][r] = v[c];
            }
        }
        double[] quantiles = new double[channels.size()];
        for (int c = 0; c < quantiles.length; c++) {
            quantiles[c] = Descriptive.quantile(values[c], s.confidence());
        }
        // One limit per channel at the confidence would let the joint false-alarm rate grow with the
        // number of channels; scaling all of them by the quantile of the worst ratio keeps it at 1 - confidence.
        double[] worst = new double[scored];
        for (int r = 0; r < scored; r++) {
            double w = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < quantiles.length; c++) {
                w = Math.max(w, values[c][r] / quantiles[c]);
            }
            worst[r] = w;
        }
        double combined = channels.size() == 1 ? 1.0 : Descriptive.quantile(worst, s.confidence());
        double[] limits = new double[quantiles.length];
        for (int c = 0; c < limits.length; c++) {
            limits[c] = quantiles[c] * combined;
        }
        return new ChannelLimits(limits, quantiles, combined, t2Start, qStart, scored);
    }

    /** Indices into the lagged matrix of rows whose whole window [i - lags, i] lies outside [start, end). */
    private static int[] trainingRows(int n, int lags, int start, int end) {
        return java.util.stream.IntStream.range(lags, n)
                .filter(i -> i < start || i - lags >= end)
                .map(i -> i - lags)
                .toArray();
    }

    static double[] head(double[] v, int count) {
        return java.util.Arrays.copyOf(v, count);
    }
}
