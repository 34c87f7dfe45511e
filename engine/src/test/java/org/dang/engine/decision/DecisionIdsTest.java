package org.dang.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void idsAreVersion7WithTheDecisionsMillisecondFirst() {
        Instant t = Instant.parse("2026-11-24T06:00:00.123456Z");
        UUID id = DecisionIds.at(t);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(t.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterDecisionsSortAfterEarlierOnesAndNoIdRepeats() {
        Instant t = Instant.parse("2026-11-24T06:00:00Z");
        Set<UUID> seen = new HashSet<>();
        UUID previous = DecisionIds.at(t);
        for (int i = 1; i <= 20_000; i++) {
            UUID next = DecisionIds.at(t.plusMillis(i));
            // H2 orders UUIDs as two unsigned longs, high first: the index grows at its end.
            assertTrue(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()) > 0);
            assertTrue(seen.add(next));
            assertTrue(seen.add(DecisionIds.at(t)), "ids made in the same millisecond differ");
            previous = next;
        }
    }
}
