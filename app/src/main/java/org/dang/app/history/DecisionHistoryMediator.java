package org.dang.app.history;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dang.engine.DecisionListener;
import org.dang.engine.store.StoredDecision;

/**
 * Engine to history view: coalesces bursts of recorded decisions into at most one refresh per
 * throttle period, so a decision storm never floods the FX thread.
 */
public final class DecisionHistoryMediator implements DecisionListener {

    private final DecisionHistoryViewModel viewModel;
    private final ScheduledExecutorService timer;
    private final Duration throttle;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Refreshes {@code viewModel} at most once per {@code throttle}, scheduled on {@code timer}. */
    public DecisionHistoryMediator(DecisionHistoryViewModel viewModel, ScheduledExecutorService timer,
                                   Duration throttle) {
        this.viewModel = viewModel;
        this.timer = timer;
        this.throttle = throttle;
    }

    @Override
    public void recorded(List<StoredDecision> decisions) {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                pending.set(false);
                viewModel.refresh();
            }, throttle.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
