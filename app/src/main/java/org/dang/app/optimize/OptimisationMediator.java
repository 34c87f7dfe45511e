package org.dang.app.optimize;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * Engine to optimisation view: keeps the latest event of any optimisation run (the engine's own
 * decisions included) and hands it to the view-model through a throttle, so a burst of progress
 * events becomes one update.
 */
public final class OptimisationMediator implements ModuleRunListener {

    private final OptimisationViewModel model;
    private final AtomicReference<ModuleRunEvent> latest = new AtomicReference<>();
    private final UpdateThrottle throttle;

    /** A mediator updating {@code model} at most every {@code period}. */
    public OptimisationMediator(OptimisationViewModel model, ScheduledExecutorService timer, Duration period) {
        this.model = model;
        this.throttle = new UpdateThrottle(this::deliver, timer, period);
    }

    @Override
    public void onEvent(ModuleRunEvent event) {
        if (event.module() != ModuleName.OPTIMIZATION) {
            return;
        }
        latest.set(event);
        throttle.request();
    }

    private void deliver() {
        ModuleRunEvent e = latest.getAndSet(null);
        switch (e) {
            case null -> {
            }
            case ModuleRunEvent.Succeeded s when s.result() instanceof OptimizationProposal p -> model.show(p);
            case ModuleRunEvent.Progress p -> model.working("Optimisation: " + p.message());
            case ModuleRunEvent.Failed f -> model.failed(f.cause());
            default -> {
                // Queued, started, retrying, cancelled: the propose button's own state covers them.
            }
        }
    }
}
