package org.dang.engine.situation;

import java.time.Instant;

/**
 * A module's load and freshness at decision time (rules 6 and 7).
 *
 * @param queueDepth        runs waiting
 * @param queueCapacity     queue size; null means the configured one
 * @param lastRun           when its last result was produced; null means never
 * @param cachedResultValid whether that result is still within the cache TTL
 * @param inputsMovedPct    how far its inputs moved since that result, in percent
 */
public record ModuleStatus(int queueDepth, Integer queueCapacity, Instant lastRun, boolean cachedResultValid,
                           double inputsMovedPct) {
}
