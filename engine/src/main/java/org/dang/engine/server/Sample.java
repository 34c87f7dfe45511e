package org.dang.engine.server;

import java.time.Instant;

/**
 * One reading of a part's health, taken off the request path: its value, when it was taken, and the
 * error when the reading failed (value null then).
 */
record Sample<T>(T value, Instant at, String error) {
}
