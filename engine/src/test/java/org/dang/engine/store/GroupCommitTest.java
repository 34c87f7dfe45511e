package org.dang.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.decision.Decision;

/** record() under concurrent callers: one journal write per group, one unbroken chain, nothing acknowledged lost. */
class GroupCommitTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void concurrentWritersBuildOneIntactChainWithEveryDecisionOnce() throws Exception {
        Path db = dir.resolve("decisions");
        int writers = 16;
        int each = 150;
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        try (DecisionStore store = DecisionStore.open(db)) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        String sid = "W" + writer + "-" + i;
                        // One or two decisions per situation, so groups mix sizes.
                        List<Decision> ds = i % 2 == 0 ? List.of(StoreFixtures.alert(sid, T0, "a " + sid))
                                : List.of(StoreFixtures.alert(sid, T0, "a " + sid), StoreFixtures.alert(sid, T0, "b " + sid));
                        List<StoredDecision> got = store.record(StoreFixtures.situation(sid, T0.plusSeconds(i)), ds);
                        assertEquals(ds.size(), got.size());
                        for (int k = 0; k < got.size(); k++) {
                            assertEquals(ds.get(k).id(), got.get(k).decision().id());
                            if (k > 0) {
                                // A situation's decisions stay consecutive and linked to each other.
                                assertEquals(got.get(k - 1).seq() + 1, got.get(k).seq());
                                assertEquals(got.get(k - 1).hash(), got.get(k).prevHash());
                            }
                            assertTrue(seqs.add(got.get(k).seq()), "seq given twice: " + got.get(k).seq());
                            ids.add(got.get(k).decision().id());
                        }
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            long expected = (long) writers * (each / 2) * 3;
            assertEquals(expected, store.count());
            assertEquals(expected, seqs.size());
            assertEquals(1L, Collections.min(seqs));
            assertEquals(expected, Collections.max(seqs));
            assertTrue(store.verify().intact(), store.verify().toString());
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            assertTrue(store.verify().intact());
            for (UUID id : List.copyOf(ids).subList(0, 50)) {
                assertTrue(store.find(id).isPresent(), "missing after reopen: " + id);
            }
        }
    }

    @Test
    void closeWithCallersQueuedLosesNothingThatWasAcknowledged() throws Exception {
        Path db = dir.resolve("decisions");
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        Set<String> otherErrors = new TreeSet<>();
        List<Thread> threads = new ArrayList<>();
        DecisionStore store = DecisionStore.open(db);
        CountDownLatch running = new CountDownLatch(8);
        for (int w = 0; w < 8; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().start(() -> {
                running.countDown();
                for (int i = 0; ; i++) {
                    String sid = "C" + writer + "-" + i;
                    Decision d = StoreFixtures.alert(sid, T0, "close race " + sid);
                    try {
                        store.record(StoreFixtures.situation(sid, T0), List.of(d));
                        acknowledged.add(d.id());
                    } catch (StoreException e) {
                        if (e.getMessage().contains("closed")) {
                            refused.incrementAndGet();
                        } else {
                            synchronized (otherErrors) {
                                otherErrors.add(e.getMessage());
                            }
                        }
                        return;
                    }
                }
            }));
        }
        running.await();
        Thread.sleep(300);
        store.close();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(otherErrors.isEmpty(), otherErrors.toString());
        assertEquals(8, refused.get(), "every writer learns that the store closed");
        assertTrue(acknowledged.size() > 50, "the writers were running: " + acknowledged.size());
        try (DecisionStore reopened = DecisionStore.open(db)) {
            assertEquals(acknowledged.size(), reopened.count());
            for (UUID id : acknowledged) {
                assertTrue(reopened.find(id).isPresent(), "acknowledged but lost: " + id);
            }
            assertTrue(reopened.verify().intact());
        }
    }
}
