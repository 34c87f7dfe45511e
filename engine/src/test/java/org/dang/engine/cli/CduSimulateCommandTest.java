package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code dang simulate} writes the folder, with the built-in month or a schedule file. */
class CduSimulateCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesOneDayWithTheBuiltInMonth() throws IOException {
        Outcome o = run("--days", "1", "--seed", "5", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("1,440 rows x 30 tags"), o.out());
        for (String f : List.of("history.csv.gz", "tags.csv", "labels.csv", "schedule.csv", "README.md")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        // The sample month's first event starts on day 2: a one-day run has no labels, only the header.
        assertEquals(1, Files.readAllLines(dir.resolve("labels.csv")).size());
    }

    @Test
    void playsAScheduleFile() throws IOException {
        Path schedule = dir.resolve("events.csv");
        Files.writeString(schedule, """
                start,end,kind,target,magnitude,detail
                2026-11-01T01:00:00Z,2026-11-01T02:00:00Z,SENSOR_DROPOUT,top_temp,,"card fault, rack 3"
                """);
        Outcome o = run("--days", "1", "--out", dir.resolve("out").toString(), "--schedule", schedule.toString());
        assertEquals(0, o.code(), o.err());
        List<String> labels = Files.readAllLines(dir.resolve("out").resolve("labels.csv"));
        assertEquals(2, labels.size());
        assertTrue(labels.get(1).startsWith("2026-11-01T01:00:00Z,2026-11-01T02:00:00Z,SENSOR_DROPOUT,top_temp,"),
                labels.get(1));
        assertTrue(labels.get(1).contains("card fault, rack 3"), labels.get(1));
    }

    @Test
    void aBadScheduleFailsWithItsLine() throws IOException {
        Path schedule = dir.resolve("bad.csv");
        Files.writeString(schedule, "start,end,kind,target,magnitude,detail\n2026-11-01T01:00:00Z,x,FEED_STEP,,1,\n");
        Outcome o = run("--days", "1", "--out", dir.resolve("out").toString(), "--schedule", schedule.toString());
        assertTrue(o.code() != 0);
        assertTrue(o.err().contains("bad.csv:2"), o.err());
    }
}
