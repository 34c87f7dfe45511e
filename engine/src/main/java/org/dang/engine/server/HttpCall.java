package org.dang.engine.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

import org.dang.engine.json.Json;

/** One HTTP request and its answer: bounded body, strict query parameters, JSON out. */
final class HttpCall {

    private final HttpExchange exchange;
    private final int maxBodyBytes;
    private final String[] segments;

    HttpCall(HttpExchange exchange, int maxBodyBytes) {
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
        String path = exchange.getRequestURI().getPath();
        this.segments = path.length() <= 1 ? new String[0] : path.substring(1).split("/", -1);
    }

    HttpExchange exchange() {
        return exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** Path segments without the leading slash, e.g. ["invoke", "forecasting"]. */
    String[] segments() {
        return segments;
    }

    /** Where the request came from: the remote IP address and port. */
    String remote() {
        InetSocketAddress a = exchange.getRemoteAddress();
        return a == null ? "unknown" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** A request header, or null. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /**
     * The body, at most {@code max_body_bytes}; a larger one is refused with 413 (after reading a bounded
     * amount more, so the client sees the answer instead of a reset connection).
     */
    byte[] body() {
        String declared = header("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw new ApiException(400, "invalid_header", "Content-Length", "Content-Length is not a number");
            }
            if (length > maxBodyBytes) {
                if (length <= 8L * maxBodyBytes) {
                    // Read it all first: closing on a client still sending resets the connection, and it
                    // never sees the 413.
                    discardBody();
                }
                throw tooLarge(length + " bytes declared");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total <= maxBodyBytes) {
                    out.write(buf, 0, n);
                } else if (total > 8L * maxBodyBytes) {
                    break;
                }
            }
            if (total > maxBodyBytes) {
                throw tooLarge("more than " + maxBodyBytes + " bytes sent");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException(400, "unreadable_body", null, "the request body could not be read: " + e.getMessage());
        }
    }

    private void discardBody() {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buf = new byte[8192];
            long left = 8L * maxBodyBytes;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away; the 413 goes nowhere either.
        }
    }

    private ApiException tooLarge(String what) {
        return new ApiException(413, "body_too_large", null, "the request body is larger than the limit of "
                + maxBodyBytes + " bytes (server.max_body_bytes): " + what, Map.of("Connection", "close"));
    }

    /**
     * The query parameters; a parameter not in {@code allowed}, given twice, or badly encoded is a 400
     * naming it.
     */
    Map<String, String> query(Set<String> allowed) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_parameter", pair, "badly encoded query parameter: " + e.getMessage());
            }
            if (!allowed.contains(name)) {
                throw new ApiException(400, "unknown_parameter", name, "unknown query parameter \"" + name
                        + "\"; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (params.putIfAbsent(name, value) != null) {
                throw new ApiException(400, "invalid_parameter", name, "query parameter \"" + name + "\" given twice");
            }
        }
        return params;
    }

    /** Answers with {@code value} as JSON. */
    void json(int status, Object value) throws IOException {
        byte[] bytes = value instanceof byte[] b ? b : Json.mapper().writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Answers with the error body {@code {error, field, detail}}. */
    void error(ApiException e) throws IOException {
        e.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("field", e.field());
        body.put("detail", e.getMessage());
        json(e.status(), body);
    }
}
