package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.store.DecisionStore;

/** A decision recorded by one process replays the same in another (prompt bytes, verdict, decisions). */
class ReplayAcrossProcessesTest {

    @TempDir
    Path dir;

    @Test
    void recordedInAChildReplaysHere() throws Exception {
        Path db = dir.resolve("d");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecordingChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        List<UUID> ids = out.lines().filter(l -> l.matches("[0-9a-f-]{36}")).map(UUID::fromString).toList();
        assertEquals(2, ids.size(), out);
        try (DecisionStore store = DecisionStore.open(db)) {
            AdviceReplay replay = new AdviceReplay(store, new DecisionEngine(DangConfig.defaults(), InstantSource.system()));
            for (UUID id : ids) {
                AdviceReplay.Result r = replay.replay(id);
                assertTrue(r.same(), r.differences().toString());
                assertEquals(r.advice().orElseThrow().promptHash(), r.promptHash().orElseThrow());
            }
        }
    }
}
