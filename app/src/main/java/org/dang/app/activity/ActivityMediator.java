package org.dang.app.activity;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;

/** Coordinator to activity view: every run event (queued, progress, finished) requests a throttled refresh. */
public final class ActivityMediator implements ModuleRunListener {

    private final UpdateThrottle throttle;

    /** Refreshes through {@code throttle}. */
    public ActivityMediator(UpdateThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onEvent(ModuleRunEvent event) {
        throttle.request();
    }
}
