package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A part that hangs or fails never blocks or breaks reading its status: the last sample answers at once. */
class HealthSamplerTest {

    @Test
    void aReadingThatHangsLeavesTheLastSampleReadableAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
        try (HealthSampler<String> s = new HealthSampler<>("hanging", () -> {
            if (calls.incrementAndGet() > 1) {
                stuck.countDown();
                try {
                    never.await(); // a module lane that never answers
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "ok";
        }, 5, InstantSource.fixed(t0)).start()) {
            assertTrue(stuck.await(5, TimeUnit.SECONDS), "the sampler reached the hanging reading");
            long started = System.nanoTime();
            Sample<String> last = s.last();
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs < 100, "reading the sample took " + tookMs + " ms");
            assertEquals("ok", last.value());
            assertEquals(t0, last.at()); // its age is what /status turns into STALE after 5 s
            assertEquals(2, calls.get());
        }
    }

    @Test
    void aReadingThatFailsIsASampleWithTheError() throws Exception {
        try (HealthSampler<String> s = new HealthSampler<String>("failing", () -> {
            throw new IllegalStateException("store writer failed: disk full");
        }, 1000, InstantSource.system()).start()) {
            assertNull(s.last().value());
            assertEquals("store writer failed: disk full", s.last().error());
        }
    }
}
