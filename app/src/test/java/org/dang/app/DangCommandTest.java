package org.dang.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The assembled {@code dang} command: verbs, outputs and exit codes as a user sees them. */
class DangCommandTest {

    static final Path SUITE = Path.of("../engine/src/test/resources/situations");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run dang(String... args) {
        CommandLine cl = Dang.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void decideScoresTheWholeSuite() {
        Run r = dang("decide", SUITE.toString());
        assertEquals(0, r.exit(), r.err());
        // The rules cannot read requests in words only, so they miss 6 of the 36 ambiguous situations;
        // every unambiguous one matches, so the exit code is 0.
        assertEquals("SUBSETS unambiguous accuracy=1.0000 n=80 ambiguous accuracy=0.8333 n=36",
                r.lines().get(r.lines().size() - 2));
        assertEquals("SUMMARY accuracy=0.9483 n=116 source=rules", r.lines().getLast());
        assertTrue(r.lines().getFirst().startsWith("{\"situation\":\"S01-all-normal\",\"decisions\":[{\"action\":\"NONE\""),
                r.lines().getFirst());
    }

    @Test
    void decideListsMismatchesAndFailsOnAWrongExpectation() throws Exception {
        Files.writeString(dir.resolve("wrong.json"), """
                {"id": "wrong", "time": "2026-11-24T06:00:00Z",
                 "expected": [{"action": "INVOKE", "module": "optimization", "priority": "SAFETY"}]}
                """);
        Files.writeString(dir.resolve("broken.json"), """
                {"id": "broken", "time": "2026-11-24T06:00:00Z",
                 "tags": [{"tag": "feed_rate", "quality": "GOD"}]}
                """);
        Run r = dang("decide", dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("broken.json:2:") && r.err().contains("tags[0].quality"), r.err());
        assertTrue(r.out().contains("MISMATCH wrong: expected [INVOKE optimization SAFETY] got [NONE]"), r.out());
        assertEquals("SUMMARY accuracy=0.0000 n=2 source=rules", r.lines().getLast());
    }

    @Test
    void recordedDecisionsShowInHistoryAndTheChainVerifies() throws Exception {
        String store = dir.resolve("decisions").toString();
        assertEquals(0, dang("decide", "--record", "--store", store, SUITE.toString()).exit());

        Run verify = dang("verify-log", "--store", store);
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().startsWith("OK "), verify.out());

        Run alerts = dang("history", "--store", store, "--action", "ALERT", "--module", "optimization",
                "--format", "jsonl", "--all");
        assertEquals(0, alerts.exit(), alerts.err());
        assertTrue(alerts.lines().size() > 3);
        assertTrue(alerts.lines().stream().allMatch(l -> l.contains("\"action\":\"ALERT\"")
                && l.contains("\"module\":\"optimization\"")));

        // A decision the rules made alone replays through the rules from its stored situation.
        var idMatch = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(alerts.lines().getFirst());
        assertTrue(idMatch.find(), alerts.lines().getFirst());
        Run replay = dang("replay", "--store", store, idMatch.group(1));
        assertEquals(0, replay.exit(), replay.out() + replay.err());
        assertEquals("SUMMARY replayed=" + idMatch.group(1) + " same=true", replay.lines().getLast());

        Path csv = dir.resolve("export.csv");
        assertEquals(0, dang("history", "--store", store, "--text", "ignore previous", "--format", "csv",
                "--out", csv.toString()).exit());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.getFirst().startsWith("seq,id,time,situation_id,action"));
        assertTrue(rows.size() >= 2, rows.toString());

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + store, "sa", "");
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER decisions_append_only");
            st.execute("UPDATE decisions SET priority = 'LOW' WHERE seq = 12");
        }
        Run broken = dang("verify-log", "--store", store);
        assertEquals(1, broken.exit());
        assertTrue(broken.out().startsWith("BROKEN at row 12:"), broken.out());
    }

    @Test
    void badInputGetsAClearErrorNotAStackTrace() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "decision_engine:\n  confidence_threshold: 1.7\n");
        Run r = dang("decide", "--config", cfg.toString(), SUITE.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("bad.yaml:2: decision_engine.confidence_threshold"), r.err());

        Run missing = dang("decide", dir.resolve("nope").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());

        Run badTime = dang("history", "--store", dir.resolve("d").toString(), "--from", "yesterday");
        assertEquals(2, badTime.exit());
        assertTrue(badTime.err().contains("--from 'yesterday' is not a time"), badTime.err());
    }

    @Test
    void chatAnswersOnePromptFromALoopbackServer() throws Exception {
        try (var server = new org.dang.engine.llm.openai.ScriptedOpenAiServer()) {
            server.then(org.dang.engine.llm.openai.ScriptedOpenAiServer.sse(
                    org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply(List.of("Check"), List.of("Fine."), 4),
                    java.time.Duration.ZERO));
            Path config = Files.writeString(dir.resolve("config.yaml"), "");
            Run r = dang("chat", "--config", config.toString(), "--backend", "openai", "--url", server.url(),
                    "--prompt", "Feed ok?");
            assertEquals(0, r.exit(), r.err());
            assertEquals("Fine.", r.lines().get(2));
            Run none = dang("chat", "--config", config.toString(), "--prompt", "Feed ok?");
            assertEquals(1, none.exit());
            assertTrue(none.err().contains("No language model is configured"), none.err());
        }
    }
}
