package org.dang.app.advisor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.advisor.Advice;
import org.dang.engine.advisor.AdviceListener;
import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.store.StoredDecision;

/**
 * Engine to advisor panel: every question asked, token streamed and answer becomes a throttled
 * refresh; while questions wait, a one-second tick moves their deadline bars.
 */
public final class AdvisorMediator implements AdviceListener, AutoCloseable {

    private final UpdateThrottle throttle;
    private final ScheduledFuture<?> tick;

    /** A mediator refreshing {@code model} at most every {@code period}. */
    public AdvisorMediator(AdvisorViewModel model, ScheduledExecutorService timer, Duration period) {
        this.throttle = new UpdateThrottle(model::refresh, timer, period);
        this.tick = timer.scheduleAtFixedRate(() -> {
            if (model.anyPending()) {
                throttle.request();
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void asked(PendingAdvice request) {
        throttle.request();
    }

    @Override
    public void streamed(UUID requestId) {
        throttle.request();
    }

    @Override
    public void answered(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
        throttle.request();
    }

    @Override
    public void overruled(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
        throttle.request();
    }

    /** Stops the tick. */
    @Override
    public void close() {
        tick.cancel(false);
    }
}
