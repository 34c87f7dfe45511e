package org.dang.engine.monitor;

/**
 * The monitor's verdict on one observation of a stream.
 *
 * @param index  0-based position in the stream
 * @param scored false for the first {@code lags} observations, which have no full history yet
 * @param alarm  whether any channel is above its limit
 * @param values channel values, in the order of {@link Monitor#channels()} (empty when not scored)
 * @param pca    the observation through the PCA model, or null when not scored
 */
public record MonitorPoint(long index, boolean scored, boolean alarm, double[] values, PcaPoint pca) {
}
