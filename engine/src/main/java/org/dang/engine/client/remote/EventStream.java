package org.dang.engine.client.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import org.dang.engine.client.ConnectionState;
import org.dang.engine.client.Subscription;
import org.dang.engine.json.Json;

/**
 * The remote engine's {@code GET /events} stream on one named thread: events go to the listeners of
 * their name; when the stream breaks, the connection is marked disconnected and retried with backoff
 * (0.5 s doubling to 15 s). After every (re)connect each listener gets a {@link NullNode} meaning
 * "you may have missed events: reload", so views catch up on what happened while disconnected.
 */
final class EventStream implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final EngineHttp http;
    private final InstantSource clock;
    private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<ConnectionState> state;
    private final Thread thread;
    private volatile boolean closed;
    private volatile InputStream body;

    EventStream(EngineHttp http, InstantSource clock) {
        this.http = http;
        this.clock = clock;
        this.state = new AtomicReference<>(new ConnectionState(http.engine().toString(), false, null, "connecting"));
        this.thread = Thread.ofPlatform().daemon().name("remote-engine-events").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Listens to events named {@code name}. */
    Subscription on(String name, Consumer<JsonNode> listener) {
        List<Consumer<JsonNode>> list = listeners.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    Subscription watchState(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    ConnectionState state() {
        return state.get();
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            try {
                HttpResponse<InputStream> r = http.client().send(http.request("/events")
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    String text = new String(r.body().readNBytes(4096), StandardCharsets.UTF_8);
                    r.body().close();
                    set(false, "the engine refused the event stream (" + r.statusCode() + "): "
                            + http.refusal(r.statusCode(), text).getMessage());
                } else {
                    body = r.body();
                    set(true, "connected");
                    backoff = FIRST_BACKOFF;
                    deliverAll(NullNode.getInstance());
                    read(r.body());
                    if (!closed) {
                        set(false, "the engine ended the event stream");
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    set(false, http.unreachable("GET /events", e).getMessage());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event stream from " + http.engine() + " failed: " + e, e);
                set(false, "event stream failed: " + e.getMessage());
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void read(InputStream in) throws IOException {
        SseReader.read(in, () -> closed, this::dispatch);
    }

    private void dispatch(String name, String data) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(data);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "event \"" + name + "\" from " + http.engine()
                    + " is not JSON and was skipped: " + e.getMessage());
            return;
        }
        ConnectionState s = state.get();
        state.set(new ConnectionState(s.engine(), true, clock.instant(), s.detail()));
        notifyState();
        for (Consumer<JsonNode> l : listeners.getOrDefault(name, List.of())) {
            deliver(l, json);
        }
    }

    private void deliverAll(JsonNode json) {
        listeners.values().forEach(list -> list.forEach(l -> deliver(l, json)));
    }

    private void deliver(Consumer<JsonNode> l, JsonNode json) {
        try {
            l.accept(json);
        } catch (RuntimeException e) {
            if (!closed) { // a reload cut short by close() is expected
                LOG.log(System.Logger.Level.WARNING, "event listener failed: " + e, e);
            }
        }
    }

    private void set(boolean connected, String detail) {
        ConnectionState s = state.get();
        state.set(new ConnectionState(s.engine(), connected, s.lastEvent(), detail));
        notifyState();
    }

    private void notifyState() {
        ConnectionState s = state.get();
        for (Consumer<ConnectionState> l : stateListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "connection listener failed: " + e, e);
            }
        }
    }

    /** The time now by this stream's clock. */
    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Closing is all that is wanted.
            }
        }
        thread.interrupt();
    }
}
