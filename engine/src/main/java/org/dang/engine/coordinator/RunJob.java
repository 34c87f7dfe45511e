package org.dang.engine.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.WorkPriority;

/**
 * One run inside a lane: its request, the handles waiting for it and its attempt state.
 * Every field except {@link #stopRequested} is read and written only under the lane's lock.
 */
final class RunJob {
    final long runId;
    final ModuleRequest request;
    /** Submission order; breaks ties within a priority (FIFO) and survives retries. */
    final long seq;
    final Instant queuedAt;
    final List<ModuleRun<?>> subscribers = new ArrayList<>(2);

    WorkPriority priority;
    RunState state = RunState.QUEUED;
    /** Attempts started so far. */
    int attempt;
    /** The worker running the current attempt; null otherwise. Interrupted only under the lane lock. */
    Thread thread;
    long startedNanos;
    Instant startedAt;
    ScheduledFuture<?> timeoutTask;
    ScheduledFuture<?> retryTask;
    double progress = -1;
    String progressMessage = "";

    /** Set once the run is cancelled, timed out or closed; read lock-free by the module's RunContext. */
    volatile boolean stopRequested;

    RunJob(long runId, ModuleRequest request, WorkPriority priority, long seq, Instant queuedAt) {
        this.runId = runId;
        this.request = request;
        this.priority = priority;
        this.seq = seq;
        this.queuedAt = queuedAt;
    }
}
