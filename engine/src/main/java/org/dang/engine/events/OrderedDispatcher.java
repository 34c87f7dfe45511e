package org.dang.engine.events;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Delivers events to listeners on one thread of its own, in publication order. Publishers (the
 * coordinator's lanes, the alarm board) publish while holding their own lock but must never run
 * listener code there; this queue decouples the two, so a slow listener delays only other
 * listeners, and a listener that throws affects no other.
 *
 * @param <L> listener type
 * @param <E> event type
 */
public final class OrderedDispatcher<L, E> {

    private static final System.Logger LOG = System.getLogger(OrderedDispatcher.class.getName());

    private record Stop() {
    }

    private final BiConsumer<L, E> call;
    private final Predicate<E> droppable;
    private final int backlogLimit;
    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * A dispatcher whose thread is named {@code threadName}; {@code call} hands one event to one
     * listener. Events that {@code droppable} accepts (e.g. progress) are dropped once
     * {@code backlogLimit} events wait; all others are always kept.
     */
    public OrderedDispatcher(String threadName, BiConsumer<L, E> call, Predicate<E> droppable, int backlogLimit) {
        this.call = call;
        this.droppable = droppable;
        this.backlogLimit = backlogLimit;
        this.thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::deliverLoop);
    }

    /** Starts the delivery thread. */
    public void start() {
        thread.start();
    }

    /** The delivery thread (for close waits). */
    public Thread thread() {
        return thread;
    }

    /** Adds a listener. */
    public void addListener(L listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener. */
    public void removeListener(L listener) {
        listeners.remove(listener);
    }

    /** Queues an event; never blocks. Ignored once closed. */
    public void publish(E event) {
        if (closed) {
            return;
        }
        if (droppable.test(event) && queue.size() >= backlogLimit) {
            if (dropped.getAndIncrement() == 0) {
                LOG.log(Level.WARNING, thread.getName() + ": listeners fall behind; dropping droppable events");
            }
            return;
        }
        queue.add(event);
    }

    /** Delivers what was published so far, then stops the thread. */
    public void close() {
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
            @SuppressWarnings("unchecked") // only publish(E) and Stop enter the queue
            E event = (E) next;
            deliver(event);
        }
    }

    private void deliver(E event) {
        for (L listener : listeners) {
            try {
                call.accept(listener, event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) { // an assertion error in a listener is still only that listener's problem
                LOG.log(Level.WARNING, () -> "listener " + listener + " failed on " + event, t);
            }
        }
    }
}
