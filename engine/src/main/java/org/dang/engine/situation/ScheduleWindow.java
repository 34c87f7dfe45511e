package org.dang.engine.situation;

import java.time.Instant;
import java.util.Objects;

/** A scheduled maintenance or optimisation window. */
public record ScheduleWindow(WindowKind kind, Instant start, Instant end, String description) {
    public ScheduleWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("schedule window ends (" + end + ") before it starts (" + start + ")");
        }
        description = Objects.requireNonNullElse(description, "");
    }
}
