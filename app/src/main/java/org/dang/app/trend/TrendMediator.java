package org.dang.app.trend;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantScan;

/** Plant data to trends: new scans refresh the pens at most once per throttle period. */
public final class TrendMediator implements PlantDataListener {

    private final TrendViewModel viewModel;
    private final ScheduledExecutorService timer;
    private final Duration throttle;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Refreshes {@code viewModel} at most once per {@code throttle}. */
    public TrendMediator(TrendViewModel viewModel, ScheduledExecutorService timer, Duration throttle) {
        this.viewModel = viewModel;
        this.timer = timer;
        this.throttle = throttle;
    }

    @Override
    public void scan(PlantScan scan) {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                pending.set(false);
                viewModel.refresh();
            }, throttle.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void problem(DataProblem problem) {
        // Data problems are shown by the status bar, not by trends.
    }
}
