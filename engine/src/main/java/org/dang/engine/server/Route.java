package org.dang.engine.server;

import java.io.IOException;
import java.util.List;

import org.dang.engine.access.User;

/**
 * One endpoint of the API: method, path template ({@code {name}} matches one segment), whether a
 * bearer token is needed, and the handler.
 */
record Route(String method, String path, boolean authenticated, Handler handler, List<String> template) {

    /** A route for {@code path}; its template segments are split here once, not on every request. */
    Route(String method, String path, boolean authenticated, Handler handler) {
        this(method, path, authenticated, handler, List.of(path.substring(1).split("/")));
    }

    /** Answers one request; {@code user} is null on a route without authentication. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpCall call, User user) throws IOException;
    }

    /** Whether {@code segments} fit this route's path template. */
    boolean matches(String[] segments) {
        if (template.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!template.get(i).startsWith("{") && !template.get(i).equals(segments[i])) {
                return false;
            }
        }
        return true;
    }
}
