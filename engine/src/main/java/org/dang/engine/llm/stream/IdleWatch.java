package org.dang.engine.llm.stream;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Fires once when a stream has been silent for longer than its limit: no first token, or no next
 * token, within the backend's timeout. Long replies are fine as long as tokens keep coming.
 */
public final class IdleWatch implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final long limitNanos;
    private final Runnable onIdle;
    private final LongSupplier nanos;
    private volatile long last;
    private volatile boolean closed;
    private ScheduledFuture<?> next;

    /** Starts watching now; {@code onIdle} runs on {@code timer}'s thread. */
    public IdleWatch(ScheduledExecutorService timer, Duration limit, Runnable onIdle) {
        this.timer = timer;
        this.limitNanos = limit.toNanos();
        this.onIdle = onIdle;
        this.nanos = System::nanoTime;
        this.last = nanos.getAsLong();
        schedule(limitNanos);
    }

    /** Something arrived. */
    public void touch() {
        last = nanos.getAsLong();
    }

    private synchronized void schedule(long delayNanos) {
        if (!closed) {
            next = timer.schedule(this::check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        if (closed) {
            return;
        }
        long idle = nanos.getAsLong() - last;
        if (idle >= limitNanos) {
            closed = true;
            onIdle.run();
        } else {
            schedule(limitNanos - idle);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
