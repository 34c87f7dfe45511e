package org.dang.app.console;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javafx.application.Platform;

/**
 * Watches the FX thread: a probe posted with {@link Platform#runLater} must run within the limit;
 * when it does not, the FX thread's stack is logged once per stall, so a slow view can be found.
 */
public final class FxWatchdog implements AutoCloseable {

    private static final Logger LOG = System.getLogger(FxWatchdog.class.getName());

    private final long limitNanos;
    private final ScheduledExecutorService timer;
    private final AtomicLong probePostedAt = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private volatile boolean reported;

    /** Starts watching; a probe is posted every {@code period}, a stall is a wait beyond {@code limit}. */
    public FxWatchdog(Duration limit, Duration period) {
        this.limitNanos = limit.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        long posted = probePostedAt.get();
        long now = System.nanoTime();
        if (posted == 0) {
            probePostedAt.set(now);
            Platform.runLater(() -> {
                probePostedAt.set(0);
                reported = false;
            });
        } else if (!reported && now - posted > limitNanos) {
            reported = true;
            stalls.incrementAndGet();
            LOG.log(Level.WARNING, "FX thread stalled for more than " + limitNanos / 1_000_000 + " ms:\n"
                    + fxThreadDump());
        }
    }

    /** Stalls seen so far. */
    public long stalls() {
        return stalls.get();
    }

    private static String fxThreadDump() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().equals("JavaFX Application Thread")) {
                return Arrays.stream(e.getValue()).map(f -> "    at " + f).collect(Collectors.joining("\n"));
            }
        }
        return "    (FX thread not found)";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
