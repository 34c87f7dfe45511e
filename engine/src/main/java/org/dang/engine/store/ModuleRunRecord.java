package org.dang.engine.store;

import java.time.Duration;
import java.time.Instant;

/** A finished module run as recorded in the store. */
public record ModuleRunRecord(String runId, String module, String priority, String requestJson, String status,
                              Instant queuedAt, Instant finishedAt, Duration duration, int attempts,
                              boolean fromCache, String detail) {
}
