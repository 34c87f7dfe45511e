package org.dang.engine.coordinator;

import java.time.Instant;
import java.util.Optional;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.WorkPriority;

/**
 * A queued, running or retry-waiting run as the UI lists it.
 *
 * @param runId           the run
 * @param module          its module
 * @param request         what it was asked
 * @param priority        its current priority
 * @param state           {@link RunState#QUEUED}, {@link RunState#RUNNING} or {@link RunState#WAITING_RETRY}
 * @param attempt         attempts started so far (0 while first queued)
 * @param queuedAt        when it was submitted
 * @param startedAt       when its current or last attempt started; empty before the first
 * @param progress        last reported fraction in [0, 1] of the current attempt, -1 when none or unknown
 * @param progressMessage last reported progress message, empty when none
 */
public record ActiveRun(long runId, ModuleName module, ModuleRequest request, WorkPriority priority,
                        RunState state, int attempt, Instant queuedAt, Optional<Instant> startedAt,
                        double progress, String progressMessage) {
}
