package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code dang monitor-eval}: output contract and error messages. */
class MonitorEvalCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("SUMMARY far=(\\d\\.\\d{4}) mean_detection=(\\d\\.\\d{4}) method=([a-z-]+)");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MonitorEvalCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String tep(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-plant-data"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("sample-plant-data not found");
        }
        return dir.resolve("sample-plant-data/tennessee-eastman/original").resolve(name).toString();
    }

    @Test
    void scoresHeldOutNormalDataAndFaultFilesAndEndsWithTheSummary() {
        Run r = run("--train", tep("d00.dat"), "--holdout", "0.4", "--onset", "0", "--method", "pca",
                tep("d01.dat"), tep("d02.dat"), tep("d03.dat"), tep("d06.dat"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("train d00.dat rows 0-299 (300 of 500, file transposed")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("normal d00.dat rows 300-499 (held out) samples=200")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fault 03 d03.dat") && l.contains("(not in mean)")),
                r.out());
        Matcher m = SUMMARY.matcher(lines.getLast());
        assertTrue(m.matches(), lines.getLast());
        assertEquals("pca", m.group(3));
        // Faults 1, 2, 6 are easy; 3 is left out of the mean.
        assertTrue(Double.parseDouble(m.group(2)) > 0.95, lines.getLast());
        // Plain PCA with textbook limits fitted on 300 samples: Q's limit is too tight for held-out data.
        assertTrue(Double.parseDouble(m.group(1)) > 0.1, lines.getLast());
    }

    @Test
    void onsetSplitsEachFaultFileIntoNormalAndFaultyParts() {
        Run r = run("--train", tep("d00.dat"), "--onset", "100", "--method", "dpca-ewma", tep("d06.dat"));
        assertEquals(0, r.exit(), r.err());
        String line = r.lines().stream().filter(l -> l.startsWith("fault 06")).findFirst().orElseThrow();
        assertTrue(line.contains("onset=100") && line.matches(".* far=\\d\\.\\d{4} .*"), line);
        assertTrue(SUMMARY.matcher(r.lines().getLast()).matches(), r.out());
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        Run r = run("--train", tep("d00.dat"), "--holdout", "0.4", "--onset", "0", tmp.resolve("d07.dat").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("d07.dat") && r.err().contains("file not found"), r.err());
    }

    @Test
    void wrongColumnCountAndNonNumericCellsAreLocated() throws IOException {
        Path narrow = Files.writeString(tmp.resolve("d08.dat"), "1 2 3\n4 5 6\n");
        Run r = run("--train", tep("d00.dat"), "--holdout", "0.4", "--onset", "0", narrow.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("d08.dat") && r.err().contains("expected 52 columns"), r.err());

        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 52; j++) {
                sb.append(i == 2 && j == 9 ? " x1.5" : " 1.0");
            }
            sb.append('\n');
        }
        Path bad = Files.writeString(tmp.resolve("d09.dat"), sb);
        r = run("--train", tep("d00.dat"), "--holdout", "0.4", "--onset", "0", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("d09.dat:3 column 10") && r.err().contains("'x1.5'"), r.err());
    }

    @Test
    void withoutAnyNormalDataFalseAlarmsCannotBeCounted() {
        Run r = run("--train", tep("d00.dat"), "--onset", "0", tep("d01.dat"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no normal data"), r.err());
    }

    @Test
    void unknownMethodAndFormulaLimitsForSmoothedStatisticsAreRefused() {
        Run r = run("--train", tep("d00.dat"), "--holdout", "0.4", "--onset", "0", "--method", "svm", tep("d01.dat"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown method 'svm'"), r.err());
        r = run("--train", tep("d00.dat"), "--holdout", "0.4", "--onset", "0", "--method", "dpca-ewma", "--limits",
                "formula", tep("d01.dat"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("formula limits exist only for raw T2 and Q"), r.err());
    }
}
