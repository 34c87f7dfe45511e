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

    /** A refusal with HTTP {@code status} and the server's {@code error} code; status 0 when unreachable. */
    public RemoteEngineException(int status, String error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status, 0 when the engine could not be reached. */
    public int status() {
        return status;
    }

    /** The server's error code (e.g. {@code unknown_alarm}), or "unreachable". */
    public String error() {
        return error;
    }
}
