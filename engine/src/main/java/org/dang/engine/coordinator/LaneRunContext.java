package org.dang.engine.coordinator;

import org.dang.engine.module.RunContext;

/** The {@link RunContext} of one attempt: progress goes to the lane, cancellation comes from the job. */
final class LaneRunContext implements RunContext {
    private final ModuleLane lane;
    private final RunJob job;
    private final int attempt;

    LaneRunContext(ModuleLane lane, RunJob job, int attempt) {
        this.lane = lane;
        this.job = job;
        this.attempt = attempt;
    }

    @Override
    public void progress(double fraction, String message) {
        lane.progress(job, attempt, fraction, message);
    }

    @Override
    public boolean cancelled() {
        return job.stopRequested;
    }
}
