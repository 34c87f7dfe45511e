package org.dang.engine.coordinator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;

/**
 * One module's successful results by request, valid while younger than the TTL.
 * Not thread-safe: the owning lane's lock guards it.
 */
final class ResultCache {
    /** Bounds memory when requests vary a lot (e.g. many horizons); oldest entries go first. */
    static final int MAX_ENTRIES = 256;

    private record Entry(ModuleResult result, Instant storedAt) {
    }

    private final Duration ttl;
    // Insertion order is storage order (put re-inserts), so expired entries sit at the head.
    private final LinkedHashMap<ModuleRequest, Entry> entries = new LinkedHashMap<>();

    ResultCache(Duration ttl) {
        this.ttl = ttl.isNegative() ? Duration.ZERO : ttl;
    }

    /** A zero TTL turns caching off. */
    boolean enabled() {
        return !ttl.isZero();
    }

    /** The result stored for an equal request, if still valid at {@code now}. */
    Optional<ModuleResult> get(ModuleRequest request, Instant now) {
        Entry entry = entries.get(request);
        if (entry == null) {
            return Optional.empty();
        }
        if (!valid(entry, now)) {
            entries.remove(request);
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    /** Stores a fresh result, dropping expired entries and the oldest beyond {@link #MAX_ENTRIES}. */
    void put(ModuleRequest request, ModuleResult result, Instant now) {
        if (!enabled()) {
            return;
        }
        entries.remove(request);
        entries.put(request, new Entry(result, now));
        Iterator<Map.Entry<ModuleRequest, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ModuleRequest, Entry> head = it.next();
            if (entries.size() > MAX_ENTRIES || !valid(head.getValue(), now)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    /** Whether any stored result is still valid at {@code now}. */
    boolean anyValid(Instant now) {
        return entries.values().stream().anyMatch(e -> valid(e, now));
    }

    private boolean valid(Entry entry, Instant now) {
        return now.isBefore(entry.storedAt().plus(ttl));
    }
}
