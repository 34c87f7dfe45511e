package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** dang bench optimize: policy, oracle and holding on the same episodes, ending with the SUMMARY line. */
class BenchOptimizeCommandTest {

    @Test
    void printsTheTableAndTheSummaryLine() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("optimize", "--episodes", "2", "--seed", "3");
        assertEquals(0, code, out.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(out.toString().contains("| policy + safety layer |"), out.toString());
        Matcher m = Pattern.compile("SUMMARY gain_fraction=(-?[0-9.]+) violations=(\\d+) ms_per_decision=([0-9.]+)")
                .matcher(lines.getLast());
        assertTrue(m.matches(), lines.getLast());
        assertEquals(0, Integer.parseInt(m.group(2)), out.toString());
        assertTrue(Double.parseDouble(m.group(1)) > 0, out.toString());
    }
}
