package org.dang.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dang console --engine}: what is refused before anything opens, and an unreachable engine's message. */
class ConsoleRemoteOptionsTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = Dang.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void clearTextToAnotherHostAndEmbeddedOnlyOptionsAreRefused() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "console", "--engine", "http://10.0.4.20:8470"));
        assertTrue(err.toString().contains("refusing plain http to 10.0.4.20"), err.toString());

        Path token = Files.writeString(dir.resolve("engine.token"), "dang_abc\n");
        StringWriter role = new StringWriter();
        assertEquals(2, run(role, "console", "--engine", "https://engine.site:8470", "--token-file", token.toString(),
                "--role", "engineer"));
        assertTrue(role.toString().contains("--role applies to the embedded engine"), role.toString());

        StringWriter none = new StringWriter();
        assertEquals(2, run(none, "console", "--engine", "https://engine.site:8470", "--token-file",
                dir.resolve("missing.token").toString()));
        assertTrue(none.toString().contains("cannot read"), none.toString());
    }

    @Test
    void anUnreachableEngineIsNamedWithTheReason() throws Exception {
        Path token = Files.writeString(dir.resolve("engine.token"), "dang_abc\n");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "console", "--engine", "http://127.0.0.1:1", "--token-file", token.toString()));
        assertTrue(err.toString().contains("cannot reach the engine at http://127.0.0.1:1: connection refused"),
                err.toString());
    }
}
