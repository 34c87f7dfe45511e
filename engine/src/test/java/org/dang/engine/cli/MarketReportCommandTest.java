package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dang market-report}: a report per date with its SUMMARY line, and the backtest listing. */
class MarketReportCommandTest {

    private record Run(int code, List<String> out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MarketReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString().lines().toList(), err.toString());
    }

    @Test
    void reportEndsWithItsSummary() {
        Run r = run("--as-of", "2020-04-22", "--data", "../sample-plant-data/oil-market");
        assertEquals(0, r.code(), r.err());
        String last = r.out().getLast();
        assertTrue(last.matches("SUMMARY as_of=2020-04-22 findings=\\d+ changes=\\d+"), last);
        long findings = r.out().stream().filter(l -> l.matches("\\s*\\d+\\. .*")).count();
        assertEquals("findings=" + findings, last.split(" ")[2]);
        assertTrue(r.out().stream().anyMatch(l -> l.contains("market trigger fires")));
        assertTrue(r.out().stream().anyMatch(l -> l.contains("Crude stocks +15.0 Mb in the week to 2020-04-17")));
    }

    @Test
    void backtestListsDetectionsAndBadDatesAreNamed() {
        Run r = run("--backtest", "2020-04-01..2020-04-30", "--data", "../sample-plant-data/oil-market");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("2020-04-2") && l.contains("PRICE_MOVE") && l.contains("WTI")),
                String.join("\n", r.out()));
        assertTrue(r.out().getLast().matches("SUMMARY backtest=2020-04-01..2020-04-30 detections=\\d+"));

        Run bad = run("--as-of", "2020-13-01", "--data", "../sample-plant-data/oil-market");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--as-of '2020-13-01' is not a date"), bad.err());
    }
}
