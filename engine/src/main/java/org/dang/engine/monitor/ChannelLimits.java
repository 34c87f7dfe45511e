package org.dang.engine.monitor;

/**
 * The limits a monitor applies, and where they came from.
 *
 * @param limits    alarm limit per channel, in channel order: a sample alarms when any value exceeds its limit
 * @param quantiles per-channel quantile of the calibration statistics at the confidence (the formula value
 *                  for formula limits)
 * @param combined  the quantile of max(value / quantile) over channels; limits = quantiles x combined, so the
 *                  joint false-alarm rate on the calibration data is 1 - confidence (1 for formula limits)
 * @param t2Start   starting value of the T^2 EWMA: mean T^2 on the calibration data
 * @param qStart    starting value of the Q EWMA: mean Q on the calibration data
 * @param samples   number of calibration samples the quantiles come from (0 for formula limits)
 */
public record ChannelLimits(double[] limits, double[] quantiles, double combined, double t2Start, double qStart,
        int samples) {

    public ChannelLimits {
        limits = limits.clone();
        quantiles = quantiles.clone();
    }

    @Override
    public double[] limits() {
        return limits.clone();
    }

    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }
}
