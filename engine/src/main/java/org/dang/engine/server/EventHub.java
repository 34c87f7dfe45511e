package org.dang.engine.server;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans engine events (decisions, alarms, module runs) out to the server-sent-event clients. Publishing
 * never blocks the engine: each client has a bounded queue, and a client that falls that far behind is
 * told so and disconnected rather than slowing everyone down.
 */
final class EventHub implements AutoCloseable {

    /** Events a client may lag behind before it is dropped. */
    static final int CLIENT_BACKLOG = 4096;

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    /** One event in SSE form. */
    record Event(long id, String name, String json) {
        /** The event as SSE lines, ending with the blank line. */
        String wire() {
            return "id: " + id + "\nevent: " + name + "\ndata: " + json + "\n\n";
        }
    }

    /** One client's queue. */
    final class Subscription implements AutoCloseable {
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CLIENT_BACKLOG);
        private volatile boolean overflowed;
        private volatile boolean ended;

        /**
         * The next event, or null after {@code timeoutMillis} (time for a keep-alive); once ended, what is
         * still queued without waiting (so a stream's last events are written), then null.
         */
        Event next(long timeoutMillis) throws InterruptedException {
            return ended ? queue.poll() : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        /** True once the client fell too far behind or the hub closed: the stream must end. */
        boolean ended() {
            return ended || overflowed;
        }

        /** True when it ended because the client could not keep up. */
        boolean overflowed() {
            return overflowed;
        }

        private void offer(Event e) {
            if (!queue.offer(e)) {
                overflowed = true;
            }
        }

        @Override
        public void close() {
            ended = true;
            subscriptions.remove(this);
        }
    }

    /** A new client; closed by the caller when its stream ends. */
    Subscription subscribe() {
        Subscription s = new Subscription();
        subscriptions.add(s);
        if (closed) {
            s.close();
        }
        return s;
    }

    /** True when some client listens (so the caller can skip building events nobody reads). */
    boolean hasSubscribers() {
        return !subscriptions.isEmpty();
    }

    /** Number of connected clients. */
    int subscribers() {
        return subscriptions.size();
    }

    /** Sends an event to every client; {@code json} is one line of JSON. */
    void publish(String name, String json) {
        Event e = new Event(ids.incrementAndGet(), name, json);
        for (Subscription s : subscriptions) {
            s.offer(e);
        }
    }

    /** Ends every stream. */
    @Override
    public void close() {
        closed = true;
        for (Subscription s : subscriptions) {
            s.close();
        }
    }
}
