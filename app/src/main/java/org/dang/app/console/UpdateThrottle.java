package org.dang.app.console;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces bursts of engine events into at most one refresh per period, so a storm of scans or
 * decisions never floods the FX thread. Any thread may call {@link #request()}.
 */
public final class UpdateThrottle {

    private final Runnable refresh;
    private final ScheduledExecutorService timer;
    private final long periodMillis;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Runs {@code refresh} on {@code timer} at most once per {@code period} after a request. */
    public UpdateThrottle(Runnable refresh, ScheduledExecutorService timer, Duration period) {
        this.refresh = refresh;
        this.timer = timer;
        this.periodMillis = period.toMillis();
    }

    /** Asks for a refresh; requests during the wait are folded into it. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                pending.set(false);
                refresh.run();
            }, periodMillis, TimeUnit.MILLISECONDS);
        }
    }
}
