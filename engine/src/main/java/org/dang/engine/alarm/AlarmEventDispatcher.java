package org.dang.engine.alarm;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Delivers alarm events to listeners on one thread of its own ({@code alarm-board-events}), in
 * the order they happened. The board publishes under its lock but never runs listener code there,
 * so a slow console listener delays only other listeners, never scan evaluation or commands.
 */
final class AlarmEventDispatcher {
    private static final System.Logger LOG = System.getLogger(AlarmEventDispatcher.class.getName());

    private record Stop() {
    }

    private final List<AlarmListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    AlarmEventDispatcher() {
        thread = Thread.ofPlatform().name("alarm-board-events").daemon(true).unstarted(this::deliverLoop);
        thread.start();
    }

    void addListener(AlarmListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(AlarmListener listener) {
        listeners.remove(listener);
    }

    /** Queues an event; never blocks. Ignored once closed. */
    void publish(AlarmEvent event) {
        if (!closed) {
            queue.add(event);
        }
    }

    /** Delivers what was published so far, then stops the thread (waiting up to 10 s for it). */
    void close() {
        closed = true;
        queue.add(new Stop());
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            deliver((AlarmEvent) next);
        }
    }

    private void deliver(AlarmEvent event) {
        for (AlarmListener listener : listeners) {
            try {
                listener.alarmEvent(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) { // an assertion error in a listener is still only that listener's problem
                LOG.log(Level.WARNING, () -> "Alarm listener " + listener + " failed on " + event, t);
            }
        }
    }
}
