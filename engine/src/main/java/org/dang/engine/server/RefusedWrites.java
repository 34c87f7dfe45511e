package org.dang.engine.server;

import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.dang.engine.access.User;
import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionStore;

/**
 * Audits the write requests the server refuses before their endpoint runs (no or a bad token, over the
 * rate limit, a body over the size limit): endpoints audit what they refuse themselves, these never reach
 * one. A flood of refusals from one address is audited at the rate limit; the next audited refusal from
 * that address says how many were not.
 */
final class RefusedWrites {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Refusals that happen before or outside an endpoint's own audit. */
    private static final Set<Integer> BEFORE_ENDPOINT = Set.of(401, 413, 429);

    private final DecisionStore store;
    private final InstantSource clock;
    private final RateLimiter perAddress;
    private final ConcurrentHashMap<String, AtomicLong> notAudited = new ConcurrentHashMap<>();

    RefusedWrites(DecisionStore store, InstantSource clock, RateLimiter perAddress) {
        this.store = store;
        this.clock = clock;
        this.perAddress = perAddress;
    }

    /**
     * Records the refusal {@code e} of {@code call} when it was a write refused before its endpoint;
     * {@code user} is who the token speaks for, null when there is no valid token.
     */
    void refused(HttpCall call, User user, ApiException e) {
        if (READS.contains(call.method()) || !BEFORE_ENDPOINT.contains(e.status())) {
            return;
        }
        String address = host(call.remote());
        AtomicLong skipped = notAudited.computeIfAbsent(address, a -> new AtomicLong());
        if (perAddress.acquire(address).isPresent()) {
            skipped.incrementAndGet();
            return;
        }
        long before = skipped.getAndSet(0);
        String detail = e.error() + ": " + e.getMessage()
                + (before > 0 ? " (" + before + " more refused writes from " + address
                + " were not audited: over the audit rate limit)" : "");
        store.audit(new AuditEvent(clock.instant(), user == null ? "(no valid token)" : user.name(),
                user == null ? "none" : user.role().name().toLowerCase(Locale.ROOT), "refused_request",
                call.method() + " " + call.exchange().getRequestURI().getPath(), "api " + call.remote(),
                e.status() == 413 ? "REJECTED" : "DENIED", detail));
    }

    private static String host(String remote) {
        int colon = remote.lastIndexOf(':');
        return colon > 0 ? remote.substring(0, colon) : remote;
    }
}
