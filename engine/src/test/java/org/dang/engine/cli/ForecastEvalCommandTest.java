package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** forecast-eval on the bundled Debutanizer file, kept small (one step, few rounds, two folds) so it runs fast. */
class ForecastEvalCommandTest {

    private static final Path DEBUTANIZER = Path.of("..", "sample-plant-data", "debutanizer", "derived",
            "debutanizer_data.csv");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ForecastEvalCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void debutanizerForecastSettingPrintsTheTableAndASummaryLine() {
        Run r = run("--data", DEBUTANIZER.toString(), "--target", "y", "--inputs", "u1,u2,u3,u4,u5,u6,u7", "--lags", "3",
                "--horizon", "2", "--folds", "2", "--xgb-rounds", "20");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2394 rows, target y, 24 features, horizon 2"), r.out());
        for (String model : new String[] {"ridge", "xgboost", "auto"}) {
            assertTrue(Pattern.compile("(?m)^" + model + " +\\d+ ").matcher(r.out()).find(), model + " row:\n" + r.out());
        }
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        Matcher m = Pattern.compile("SUMMARY best=(ridge|xgboost) rmse=([0-9.]+) r2=([0-9.]+) coverage95=([0-9.]+)").matcher(last);
        assertTrue(m.matches(), last);
        // With past y the column is very predictable two steps ahead on the chronological split.
        assertTrue(Double.parseDouble(m.group(3)) > 0.9, last);
        double coverage = Double.parseDouble(m.group(4));
        assertTrue(coverage > 0.85 && coverage <= 1.0, last);
        assertTrue(r.out().contains("auto chose: "), r.out());
    }

    @Test
    void unknownColumnAndMissingFileAreNamed() {
        Run col = run("--data", DEBUTANIZER.toString(), "--target", "y", "--inputs", "u9", "--horizon", "1");
        assertEquals(2, col.code());
        assertTrue(col.err().contains("no column 'u9'"), col.err());
        Run file = run("--data", "nowhere.csv", "--target", "y", "--horizon", "1");
        assertEquals(2, file.code());
        assertTrue(file.err().contains("--data 'nowhere.csv' is neither a readable file nor one of"), file.err());
    }

    @Test
    void malformedCsvNamesFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,y\n2026-01-01T00:00:00Z,1\n2026-01-01T01:00:00Z,abc\n");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ForecastEvalCommand());
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println(ex.getMessage());
            return 1;
        });
        assertEquals(1, cl.execute("--data", bad.toString(), "--target", "y", "--horizon", "1"));
        assertTrue(err.toString().contains("bad.csv:3:2: column 'y': 'abc' is not a number"), err.toString());
    }
}
