package org.dang.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader interrupted inside a query (a cancelled module or chat question, a closing console's
 * background thread) still gets its answer, and the store stays open for every other caller and keeps
 * recording: with H2's default file channel the interrupt closed the file for everyone.
 */
class InterruptedReaderTest {

    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anInterruptedReaderLeavesTheStoreWorking() throws Exception {
        Path path = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(path)) {
            for (int i = 0; i < 5000; i++) {
                store.record(StoreFixtures.situation("cdu-" + i, T0.plusSeconds(i)),
                        List.of(StoreFixtures.alert("cdu-" + i, T0.plusSeconds(i), "column flooding " + i)));
            }
        }
        try (DecisionStore store = DecisionStore.open(path)) {
            AtomicReference<Object> seen = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    seen.set(store.verify());
                } catch (RuntimeException e) {
                    seen.set(e);
                }
            }, "interrupted-reader");
            reader.start();
            reader.join();
            assertTrue(seen.get() instanceof ChainVerification c && c.intact() && c.rows() == 5000,
                    "the interrupted reader's own answer: " + seen.get());
            ChainVerification v = store.verify();
            assertTrue(v.intact(), v.problem());
            assertEquals(5000, v.rows());
            store.record(StoreFixtures.situation("after", T0.plusSeconds(9000)),
                    List.of(StoreFixtures.alert("after", T0.plusSeconds(9000), "after the interrupt")));
            assertEquals(5001, store.verify().rows());
        }
    }
}
