package org.dang.engine.decision;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New decision ids: time-ordered UUIDs (version 7 of RFC 9562, the decision's millisecond first, then
 * random bits). The store indexes decisions and their outcomes by id; ids that grow with time are
 * inserted at one end of those indexes instead of at a random page each (random version-4 ids made
 * every batch rewrite pages all over both indexes).
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    /** A new id for a decision made at {@code time}; unique with overwhelming probability (74 random bits). */
    public static UUID at(Instant time) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = time.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | random.nextLong() & 0x0FFFL;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
