package org.dang.app.market;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.market.MarketReport;

/**
 * Connects the market view to the engine: every finished analysis run (the view's own, or one the
 * decision engine invoked on a market trigger) and the progress of running ones reach the
 * view-model through one throttle, so a burst of events becomes one update.
 */
public final class MarketMediator implements ModuleRunListener {

    private final AtomicReference<MarketReport> latest = new AtomicReference<>();
    private final AtomicReference<ModuleRunEvent.Progress> progress = new AtomicReference<>();
    private final UpdateThrottle throttle;

    /** A mediator feeding {@code vm}, at most one update per {@code period}. */
    public MarketMediator(MarketViewModel vm, ScheduledExecutorService timer, Duration period) {
        this.throttle = new UpdateThrottle(() -> {
            MarketReport r = latest.getAndSet(null);
            ModuleRunEvent.Progress p = progress.getAndSet(null);
            if (r != null) {
                vm.show(r);
            } else if (p != null) {
                vm.progress(p.fraction(), p.message());
            }
        }, timer, period);
    }

    @Override
    public void onEvent(ModuleRunEvent event) {
        if (event.module() != ModuleName.ANALYSIS) {
            return;
        }
        if (event instanceof ModuleRunEvent.Succeeded s && s.result() instanceof MarketReport r) {
            latest.set(r);
            throttle.request();
        } else if (event instanceof ModuleRunEvent.Progress p) {
            progress.set(p);
            throttle.request();
        }
    }
}
