package org.dang.app.advisor;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.dang.app.console.UpdateThrottle;

/**
 * Engine to advisor panel: every change the connection's advisor reports (question asked, token streamed,
 * answer) becomes a throttled refresh; while questions wait, a one-second tick moves their deadline bars.
 */
public final class AdvisorMediator implements AutoCloseable {

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

    /** The advisor changed (a question asked, reasoning streamed, an answer): a throttled refresh. Any thread. */
    public void changed() {
        throttle.request();
    }

    /** Stops the tick. */
    @Override
    public void close() {
        tick.cancel(false);
    }
}
