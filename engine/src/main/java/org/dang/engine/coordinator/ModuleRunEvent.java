package org.dang.engine.coordinator;

import java.time.Duration;
import java.time.Instant;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.WorkPriority;

/** Something that happened to a module run; {@code time} comes from the coordinator's clock. */
public sealed interface ModuleRunEvent {

    /** The run this event is about. */
    long runId();

    /** The module of the run. */
    ModuleName module();

    /** The run's priority when the event happened. */
    WorkPriority priority();

    /** When it happened. */
    Instant time();

    /** Accepted into the module's queue; {@code queueDepth} counts it. */
    record Queued(long runId, ModuleName module, WorkPriority priority, Instant time, int queueDepth)
            implements ModuleRunEvent {
    }

    /** A worker began attempt number {@code attempt} (1 for the first). */
    record Started(long runId, ModuleName module, WorkPriority priority, Instant time, int attempt)
            implements ModuleRunEvent {
    }

    /** The module reported progress; {@code fraction} in [0, 1], or -1 when unknown. */
    record Progress(long runId, ModuleName module, WorkPriority priority, Instant time, double fraction,
                    String message) implements ModuleRunEvent {
    }

    /** A retryable failure; attempt number {@code attempt} will be queued again after {@code delay}. */
    record Retrying(long runId, ModuleName module, WorkPriority priority, Instant time, int attempt,
                    Duration delay, String cause) implements ModuleRunEvent {
    }

    /**
     * The run produced {@code result}; {@code duration} is the last attempt's run time. A cache hit has
     * {@code fromCache} true, zero duration and zero attempts.
     */
    record Succeeded(long runId, ModuleName module, WorkPriority priority, Instant time, ModuleResult result,
                     Duration duration, boolean fromCache, int attempts) implements ModuleRunEvent {
    }

    /** The run failed for good after {@code attempts} attempts. */
    record Failed(long runId, ModuleName module, WorkPriority priority, Instant time, String cause, int attempts)
            implements ModuleRunEvent {
    }

    /** The run was cancelled (by its callers, or because the coordinator closed). */
    record Cancelled(long runId, ModuleName module, WorkPriority priority, Instant time, String reason)
            implements ModuleRunEvent {
    }

    /** The running attempt exceeded the module's {@code timeout} and was stopped. */
    record TimedOut(long runId, ModuleName module, WorkPriority priority, Instant time, Duration timeout)
            implements ModuleRunEvent {
    }

    /** The run was never run or dropped from the queue: queue full, displaced, module unavailable. */
    record Rejected(long runId, ModuleName module, WorkPriority priority, Instant time, String reason)
            implements ModuleRunEvent {
    }
}
