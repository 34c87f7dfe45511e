package org.dang.app.console;

import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantScan;

/** Plant data to a live view (overview, trends): each scan requests a throttled refresh. */
public final class PlantViewMediator implements PlantDataListener {

    private final UpdateThrottle throttle;

    /** Refreshes through {@code throttle}. */
    public PlantViewMediator(UpdateThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void scan(PlantScan scan) {
        throttle.request();
    }

    @Override
    public void problem(DataProblem problem) {
        // Data problems are listed by the status bar, not redrawn in views.
    }
}
