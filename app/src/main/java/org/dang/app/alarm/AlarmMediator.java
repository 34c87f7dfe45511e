package org.dang.app.alarm;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.alarm.AlarmEvent;
import org.dang.engine.alarm.AlarmListener;

/** Alarm board to alarm views: every alarm event requests a throttled refresh (a flood becomes one redraw). */
public final class AlarmMediator implements AlarmListener {

    private final UpdateThrottle throttle;

    /** Refreshes through {@code throttle}. */
    public AlarmMediator(UpdateThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void alarmEvent(AlarmEvent event) {
        throttle.request();
    }
}
