package org.dang.engine.client.remote;

import java.io.Serial;

/**
 * A remote engine could not be reached or refused a request; the message names the engine, the
 * request and the server's own {@code detail}.
 */
public final class RemoteEngineException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String field;

    /** A refusal with HTTP {@code status} and the server's {@code error} code; status 0 when unreachable. */
    public RemoteEngineException(int status, String error, String message, Throwable cause) {
        this(status, error, message, cause, null);
    }

    /** A refusal that names the offending request {@code field} (the server's {@code field}; null for none). */
    public RemoteEngineException(int status, String error, String message, Throwable cause, String field) {
        super(message, cause);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    /** The HTTP status, 0 when the engine could not be reached. */
    public int status() {
        return status;
    }

    /** The request field the server named (e.g. {@code changes.decision_engine.max_retries}); empty for none. */
    public java.util.Optional<String> field() {
        return java.util.Optional.ofNullable(field);
    }

    /** The server's error code (e.g. {@code unknown_alarm}), or "unreachable". */
    public String error() {
        return error;
    }
}
