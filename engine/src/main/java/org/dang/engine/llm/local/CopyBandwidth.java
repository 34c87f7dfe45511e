package org.dang.engine.llm.local;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Measures main-memory bandwidth the way decoding uses it: large native buffers (well past the
 * caches) copied by as many named threads as there are cores, best of several rounds. The figure is
 * bytes moved per second, reads plus writes, which is the traffic a memory-bound matrix-vector
 * product can reach when it streams weights.
 */
public final class CopyBandwidth {

    private CopyBandwidth() {
    }

    /** Bytes per second (read + write) copying {@code bytes} in total with {@code threads} threads, best of {@code rounds}. */
    public static double measure(long bytes, int threads, int rounds) throws InterruptedException {
        long perThread = bytes / threads / 64 * 64;
        try (Arena arena = Arena.ofShared()) {
            List<MemorySegment> sources = new ArrayList<>();
            List<MemorySegment> targets = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                MemorySegment source = arena.allocate(perThread, 64);
                MemorySegment target = arena.allocate(perThread, 64);
                // Touch every page so the rounds measure copying, not page faults.
                source.fill((byte) t);
                target.fill((byte) 0);
                sources.add(source);
                targets.add(target);
            }
            double best = 0;
            for (int r = 0; r < rounds; r++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    MemorySegment source = sources.get(t);
                    MemorySegment target = targets.get(t);
                    workers.add(Thread.ofPlatform().name("llm-bench-copy-" + t).start(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        MemorySegment.copy(source, 0, target, 0, perThread);
                    }));
                }
                long begin = System.nanoTime();
                start.countDown();
                for (Thread w : workers) {
                    w.join();
                }
                long elapsed = System.nanoTime() - begin;
                best = Math.max(best, 2.0 * perThread * threads / (elapsed / 1e9));
            }
            return best;
        }
    }
}
