package org.dang.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision acknowledged as recorded survives kill -9: a child JVM records decisions and prints
 * an acknowledgement after each; the test kills it hard mid-stream, reopens the file and checks
 * every acknowledged decision is there and the chain verifies. While the child holds the file,
 * a second open is refused with a clear error.
 */
class DecisionStoreDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void acknowledgedDecisionsSurviveKillMinus9() throws Exception {
        Path db = dir.resolve("decisions");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", DurabilityChild.class.getName(), db.toString())
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<UUID> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("OPEN", out.readLine(), "child did not open the store");

            StoreLockedException locked = assertThrows(StoreLockedException.class, () -> DecisionStore.open(db));
            assertTrue(locked.getMessage().contains("already open in another DAN_G process"), locked.getMessage());

            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL * 2 && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                assertEquals("ACK", parts[0], line);
                acknowledged.add(UUID.fromString(parts[1]));
                acknowledged.add(UUID.fromString(parts[2]));
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
            assertEquals(137, child.exitValue(), "child must have been killed by SIGKILL");
        } finally {
            child.destroyForcibly();
        }

        // A write cut short by the kill (never acknowledged) leaves a torn last line: recovery drops it.
        try (var segments = Files.list(dir)) {
            Path newest = segments.filter(f -> f.getFileName().toString().startsWith("decisions.journal."))
                    .max(Comparator.comparing(Path::toString)).orElseThrow();
            Files.writeString(newest, "{\"situation_hash\":\"torn", StandardOpenOption.APPEND);
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            for (UUID id : acknowledged) {
                assertTrue(store.find(id).isPresent(), "acknowledged decision " + id + " was lost");
            }
            ChainVerification v = store.verify();
            assertTrue(v.intact(), () -> "chain broken at " + v.brokenSeq() + ": " + v.problem());
            assertTrue(v.rows() >= acknowledged.size(), "rows " + v.rows() + " < acknowledged " + acknowledged.size());
        }
    }
}
