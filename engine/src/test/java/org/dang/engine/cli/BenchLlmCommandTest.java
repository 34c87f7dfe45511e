package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** {@code dang bench llm} on a tiny random model: its figures and the last-line contract. */
class BenchLlmCommandTest {

    private static final Pattern LAST = Pattern.compile(
            "ratio_to_bandwidth_bound=(\\d+\\.\\d{3}) generation_tokens_per_s=(\\d+\\.\\d{3}) bound_tokens_per_s=(\\d+\\.\\d{3})");

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void printsSpeedsAndEndsWithTheRatioToTheBandwidthBound(@TempDir Path dir) {
        Path model = dir.resolve("tiny");
        String[] r = run("llm", "--random", "tiny", "--random-dir", model.toString(), "--device", "cpu",
                "--prompt-tokens", "12", "--new-tokens", "6", "--copy-mib", "8");
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertTrue(r[1].contains("prompt: 12 tokens at "), r[1]);
        assertTrue(r[1].contains("generation: 6 tokens at "), r[1]);
        assertTrue(r[1].contains("time to first token: "), r[1]);
        Matcher m = LAST.matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), lines.get(lines.size() - 1));
        double ratio = Double.parseDouble(m.group(1));
        double generation = Double.parseDouble(m.group(2));
        double bound = Double.parseDouble(m.group(3));
        assertTrue(generation > 0 && bound > 0);
        assertEquals(generation / bound, ratio, 0.002 + ratio * 0.01);
        assertTrue(Files.isRegularFile(model.resolve("model.safetensors")), "--random-dir keeps the model");
    }

    @Test
    void badChoicesAreNamed() {
        String[] r = run("llm", "--random", "huge");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--random: unknown shape 'huge'"), r[2]);
        String[] p = run("llm", "--random", "tiny", "--precision", "bf16");
        assertEquals("2", p[0]);
        assertTrue(p[2].contains("--precision auto, f32 or f16; got auto / bf16"), p[2]);
    }
}
