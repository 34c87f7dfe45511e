package org.dang.engine.server;

import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads one part's health every {@code intervalMillis} on its own thread and keeps the last
 * {@link Sample}. {@code GET /status} only reads that sample, so a part that hangs (a module lane, a
 * store waiting on its writer) shows as stale instead of blocking the status request.
 */
final class HealthSampler<T> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HealthSampler.class.getName());

    private final Supplier<T> reading;
    private final long intervalMillis;
    private final InstantSource clock;
    private final AtomicReference<Sample<T>> last = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    HealthSampler(String name, Supplier<T> reading, long intervalMillis, InstantSource clock) {
        this.reading = reading;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("status-" + name).daemon(true).unstarted(this::loop);
    }

    /** Takes the first reading on the caller's thread (so status has one at once), then starts sampling. */
    HealthSampler<T> start() {
        sample();
        thread.start();
        return this;
    }

    /** The last reading; never null after {@link #start}. */
    Sample<T> last() {
        return last.get();
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        try {
            last.set(new Sample<>(reading.get(), clock.instant(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "health reading failed: " + e, e);
            last.set(new Sample<>(null, clock.instant(), e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
