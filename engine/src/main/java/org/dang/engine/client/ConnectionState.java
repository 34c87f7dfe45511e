package org.dang.engine.client;

import java.time.Instant;

/**
 * Where the console's engine is and whether it is reachable, for the header.
 *
 * @param engine    "embedded" or the remote engine's URL
 * @param connected whether the engine is reachable now (an embedded engine always is)
 * @param lastEvent when the last live event arrived from a remote engine; null before the first
 * @param detail    why not connected, or what the connection is, in words
 */
public record ConnectionState(String engine, boolean connected, Instant lastEvent, String detail) {
}
