package org.dang.engine.coordinator;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to listeners on one thread of its own, in publication order.
 *
 * <p>Lanes publish while holding their lock (so each run's events are queued in the order its state
 * changed) but must never run listener code there; this queue decouples the two, and a slow
 * listener delays only other listeners, never workers or timeouts.
 */
final class EventDispatcher {
    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());
    /** Progress beyond this backlog is dropped; state-change events are always kept. */
    static final int PROGRESS_BACKLOG_LIMIT = 10_000;

    private record Stop() {
    }

    private final List<ModuleRunListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong droppedProgress = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    EventDispatcher() {
        thread = Thread.ofPlatform().name("module-coordinator-events").daemon(true).unstarted(this::deliverLoop);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    void addListener(ModuleRunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(ModuleRunListener listener) {
        listeners.remove(listener);
    }

    /** Queues an event; never blocks. Ignored once closed. */
    void publish(ModuleRunEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof ModuleRunEvent.Progress && queue.size() >= PROGRESS_BACKLOG_LIMIT) {
            if (droppedProgress.getAndIncrement() == 0) {
                LOG.log(Level.WARNING, "Listeners fall behind; dropping progress events");
            }
            return;
        }
        queue.add(event);
    }

    /** Delivers what was published so far, then stops the thread. */
    void close() {
        closed = true;
        queue.add(new Stop());
    }

    private void deliverLoop() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return; // nobody but a JVM shutdown interrupts this thread
            }
            if (next instanceof Stop) {
                return;
            }
            deliver((ModuleRunEvent) next);
        }
    }

    private void deliver(ModuleRunEvent event) {
        for (ModuleRunListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) { // an assertion error in a listener is still only that listener's problem
                LOG.log(Level.WARNING, () -> "Module run listener " + listener + " failed on " + event, t);
            }
        }
    }
}
