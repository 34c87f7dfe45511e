package org.dang.app.market;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.client.MarketWatcher;
import org.dang.engine.module.market.MarketReport;

/**
 * Connects the market view to the engine: every finished analysis run (the view's own, or one the
 * decision engine invoked on a market trigger) and the progress of running ones reach the
 * view-model through one throttle, so a burst of events becomes one update.
 */
public final class MarketMediator implements MarketWatcher {

    private record Work(double fraction, String message) {
    }

    private final AtomicReference<MarketReport> latest = new AtomicReference<>();
    private final AtomicReference<Work> progress = new AtomicReference<>();
    private final UpdateThrottle throttle;

    /** A mediator feeding {@code vm}, at most one update per {@code period}. */
    public MarketMediator(MarketViewModel vm, ScheduledExecutorService timer, Duration period) {
        this.throttle = new UpdateThrottle(() -> {
            MarketReport r = latest.getAndSet(null);
            Work p = progress.getAndSet(null);
            if (r != null) {
                vm.show(r);
            } else if (p != null) {
                vm.progress(p.fraction(), p.message());
            }
        }, timer, period);
    }

    @Override
    public void finished(MarketReport report) {
        latest.set(report);
        throttle.request();
    }

    @Override
    public void working(double fraction, String message) {
        progress.set(new Work(fraction, message));
        throttle.request();
    }
}
