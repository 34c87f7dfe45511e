package org.dang.engine.coordinator;

import java.time.Instant;
import java.util.Optional;

import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.ModuleStatus;

/**
 * A module's load at one moment, for the decision engine (rules 6 and 7) and the UI.
 *
 * @param module            the module
 * @param queueDepth        runs waiting in its queue
 * @param queueCapacity     the queue's bound
 * @param running           runs occupying a worker, including ones still stopping after cancel or timeout
 * @param workers           worker threads (0 when the module is not registered or disabled)
 * @param waitingRetry      runs waiting for a retry backoff to elapse
 * @param lastSuccess       when its last successful run finished; empty if never
 * @param cachedResultValid whether some cached result is still younger than the cache TTL
 */
public record ModuleLoad(ModuleName module, int queueDepth, int queueCapacity, int running, int workers,
                         int waitingRetry, Optional<Instant> lastSuccess, boolean cachedResultValid) {

    /** True when a new submission below the queued work would be rejected. */
    public boolean queueFull() {
        return queueDepth >= queueCapacity;
    }

    /** The decision contract's view of this load, given how far the module's inputs moved. */
    public ModuleStatus toStatus(double inputsMovedPct) {
        return new ModuleStatus(queueDepth, queueCapacity, lastSuccess.orElse(null), cachedResultValid,
                inputsMovedPct);
    }
}
