package org.dang.engine.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.dang.engine.access.User;

/**
 * {@code GET /events}: server-sent events ({@code text/event-stream}) with every decision recorded,
 * alarm event and module run end, as they happen; a comment line every 15 s keeps proxies from
 * closing an idle stream.
 */
final class EventsRoute implements Route.Handler {

    static final long KEEP_ALIVE_MILLIS = 15_000;

    private final EventHub hub;

    EventsRoute(EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void handle(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        try (EventHub.Subscription sub = hub.subscribe()) {
            stream(call, user, sub, () -> { });
        }
    }

    /**
     * Writes {@code sub}'s events to the client as server-sent events until it ends, then closes the
     * exchange; {@code gone} runs when the client went away first (so its work can stop).
     */
    static void stream(HttpCall call, User user, EventHub.Subscription sub, Runnable gone) throws IOException {
        var headers = call.exchange().getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        try {
            call.exchange().sendResponseHeaders(200, 0);
            OutputStream out = call.exchange().getResponseBody();
            // The first line tells the client the stream is live (and flushes the headers).
            out.write((": connected as " + user.name() + "\nretry: 2000\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!sub.overflowed()) {
                EventHub.Event e = sub.next(KEEP_ALIVE_MILLIS);
                if (e == null && sub.ended()) {
                    break;
                }
                out.write((e != null ? e.wire() : ": keep-alive\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (sub.overflowed()) {
                out.write(("event: overflow\ndata: {\"detail\":\"this client fell more than " + EventHub.CLIENT_BACKLOG
                        + " events behind and is disconnected; reconnect and read /decisions for what was missed\"}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gone.run();
        } catch (IOException e) {
            // The client went away: nothing to answer, but its work may stop.
            gone.run();
        } finally {
            call.exchange().close();
        }
    }
}
