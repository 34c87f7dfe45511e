package org.dang.engine.server;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller: {@code burst} requests at once, refilled at {@code perSecond}. A refused
 * request learns how many seconds to wait (the Retry-After of a 429).
 */
final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one request from {@code caller}'s bucket: empty when allowed, else the seconds to wait (at least 1). */
    OptionalLong acquire(String caller) {
        long now = nanoClock.getAsLong();
        Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now));
        synchronized (b) {
            double elapsed = (now - b.refilledAt) / (double) TimeUnit.SECONDS.toNanos(1);
            b.tokens = Math.min(burst, b.tokens + Math.max(0, elapsed) * perSecond);
            b.refilledAt = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond)));
        }
    }
}
