package org.dang.engine.server;

import java.util.Map;

/**
 * A request the API answers with an error: the HTTP status and the JSON body
 * {@code {error, field, detail}}; {@code field} names the offending JSON field or query parameter
 * (null when none applies).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String field;
    private final transient Map<String, String> headers;

    ApiException(int status, String error, String field, String detail) {
        this(status, error, field, detail, Map.of());
    }

    ApiException(int status, String error, String field, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.error = error;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String field() {
        return field;
    }

    /** Extra response headers (WWW-Authenticate, Retry-After, Allow). */
    Map<String, String> headers() {
        return headers;
    }

    /** 400 for a bad value of {@code field}. */
    static ApiException invalid(String field, String detail) {
        return new ApiException(400, "invalid_value", field, detail);
    }
}
