package org.dang.engine.server;

import java.io.IOException;

import org.dang.engine.access.User;

/**
 * One endpoint of the API: method, path template ({@code {name}} matches one segment), whether a
 * bearer token is needed, and the handler.
 */
record Route(String method, String path, boolean authenticated, Handler handler) {

    /** Answers one request; {@code user} is null on a route without authentication. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpCall call, User user) throws IOException;
    }

    /** Whether {@code segments} fit this route's path template. */
    boolean matches(String[] segments) {
        String[] template = path.substring(1).split("/");
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{") && !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }
}
