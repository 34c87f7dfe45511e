package org.dang.app.optimize;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.client.ProposalWatcher;
import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * Engine to optimisation view: keeps the latest news of any optimisation run (the engine's own
 * decisions included, embedded or remote) and hands it to the view-model through a throttle, so a
 * burst of progress events becomes one update.
 */
public final class OptimisationMediator implements ProposalWatcher {

    private final OptimisationViewModel model;
    private final AtomicReference<Runnable> latest = new AtomicReference<>();
    private final UpdateThrottle throttle;

    /** A mediator updating {@code model} at most every {@code period}. */
    public OptimisationMediator(OptimisationViewModel model, ScheduledExecutorService timer, Duration period) {
        this.model = model;
        this.throttle = new UpdateThrottle(this::deliver, timer, period);
    }

    @Override
    public void proposed(OptimizationProposal proposal) {
        offer(() -> model.show(proposal));
    }

    @Override
    public void working(String message) {
        offer(() -> model.working(message));
    }

    @Override
    public void failed(String cause) {
        offer(() -> model.failed(cause));
    }

    private void offer(Runnable update) {
        latest.set(update);
        throttle.request();
    }

    private void deliver() {
        Runnable update = latest.getAndSet(null);
        if (update != null) {
            update.run();
        }
    }
}
