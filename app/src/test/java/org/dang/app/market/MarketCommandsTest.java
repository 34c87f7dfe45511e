package org.dang.app.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.dang.app.Dang;

/** The market verbs as the assembled {@code dang} command offers them. */
class MarketCommandsTest {

    private static List<String> dang(String... args) {
        CommandLine cl = Dang.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(args), String.join(" ", args));
        return out.toString().lines().toList();
    }

    @Test
    void marketReportAndItsBenchmarkAreVerbs() {
        List<String> report = dang("market-report", "--as-of", "2008-07-16", "--data", "../sample-plant-data/oil-market");
        assertTrue(report.getLast().matches("SUMMARY as_of=2008-07-16 findings=\\d+ changes=\\d+"), report.getLast());
        List<String> bench = dang("bench", "market", "--rounds", "1", "--data", "../sample-plant-data/oil-market");
        assertTrue(bench.getLast().matches("market_history_ms=\\d+ load_ms=\\d+ reports=\\d+ detections=\\d+"),
                bench.getLast());
    }
}
