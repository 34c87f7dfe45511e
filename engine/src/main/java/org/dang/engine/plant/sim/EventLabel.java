package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;

/**
 * Ground truth for one injected event: when, what kind, which tags show it, in words.
 *
 * @param start  first affected time
 * @param end    end of the episode (exclusive for sensor faults, upsets and maintenance)
 * @param kind   event kind
 * @param tags   tags where the event is visible
 * @param detail for people
 */
public record EventLabel(Instant start, Instant end, EventKind kind, List<String> tags, String detail) {
    public EventLabel {
        tags = List.copyOf(tags);
    }
}
