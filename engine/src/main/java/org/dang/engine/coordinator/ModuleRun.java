package org.dang.engine.coordinator;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.WorkPriority;

/**
 * The handle of one submission: its run id, its result future, and {@link #cancel()}.
 *
 * <p>Several handles share a run id when later submissions joined an equal run already in flight
 * ({@link #joined()}); the run is only stopped once every handle sharing it was cancelled.
 * Cancelling the future directly ({@code result().cancel(true)}) is the same as {@link #cancel()}.
 *
 * @param <R> the result type the caller expects from the module
 */
public final class ModuleRun<R extends ModuleResult> {
    private final long runId;
    private final ModuleRequest request;
    private final WorkPriority priority;
    private final boolean fromCache;
    private final boolean joined;
    private final CompletableFuture<R> result = new CompletableFuture<>();

    ModuleRun(long runId, ModuleRequest request, WorkPriority priority, boolean fromCache, boolean joined) {
        this.runId = runId;
        this.request = Objects.requireNonNull(request, "request");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.fromCache = fromCache;
        this.joined = joined;
    }

    /** The run's id, as carried by its {@link ModuleRunEvent}s. */
    public long runId() {
        return runId;
    }

    /** The module that runs it. */
    public ModuleName module() {
        return request.module();
    }

    /** The submitted request. */
    public ModuleRequest request() {
        return request;
    }

    /** The priority this submission asked for. */
    public WorkPriority priority() {
        return priority;
    }

    /** True when the result is a cached one; the future is then already complete. */
    public boolean fromCache() {
        return fromCache;
    }

    /** True when this submission joined an equal run that was already queued or running. */
    public boolean joined() {
        return joined;
    }

    /**
     * The result. It fails with {@link QueueFullException}, {@link ModuleUnavailableException},
     * {@link ModuleTimeoutException}, {@link ModuleRunException} or {@link CancellationException}.
     */
    public CompletableFuture<R> result() {
        return result;
    }

    /**
     * Cancels this submission: a queued run leaves the queue, a running one is stopped (its context
     * reports cancelled and its thread is interrupted). Returns true only when this call cancelled it.
     */
    public boolean cancel() {
        // Unlike CompletableFuture.cancel, true only for the call that actually cancelled.
        return result.completeExceptionally(new CancellationException("module run " + runId + " cancelled by caller"));
    }

    @SuppressWarnings("unchecked") // the registered module for request.module() decides the actual type
    void succeed(ModuleResult value) {
        ((CompletableFuture<ModuleResult>) (CompletableFuture<?>) result).complete(value);
    }

    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public String toString() {
        return "ModuleRun[" + runId + " " + module().key() + " " + priority + (fromCache ? " cached" : "")
                + (joined ? " joined" : "") + "]";
    }
}
