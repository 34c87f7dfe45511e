package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.dang.engine.access.Role;
import org.dang.engine.server.TokenFile;

/** {@code dang token add | list | remove} on a token file. */
class TokenCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TokenCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void addPrintsTheTokenOnceAndKeepsOnlyItsHash() throws Exception {
        Path file = dir.resolve("tokens");
        String[] r = run("add", "--user", "op.lee", "--role", "operator", "--token-file", file.toString());
        assertEquals("0", r[0], r[2]);
        String token = r[1].strip();
        assertTrue(token.startsWith("dang_") && token.length() > 40, token);
        assertTrue(r[2].contains("shown only now"), r[2]);
        String stored = Files.readString(file);
        assertFalse(stored.contains(token.substring(5)), "the token is not stored");
        assertEquals(Role.OPERATOR, new TokenFile(file).find(token).orElseThrow().role());
        assertTrue(Files.getPosixFilePermissions(file).stream().noneMatch(p -> p.name().startsWith("GROUP")
                || p.name().startsWith("OTHERS")), "owner only");

        String[] list = run("list", "--token-file", file.toString());
        assertTrue(list[1].contains("op.lee") && list[1].contains("operator"), list[1]);
        assertFalse(list[1].contains(token));

        assertEquals("0", run("remove", "--user", "op.lee", "--token-file", file.toString())[0]);
        assertTrue(new TokenFile(file).find(token).isEmpty());
        assertEquals("1", run("remove", "--user", "op.lee", "--token-file", file.toString())[0]);
    }

    @Test
    void badRolesAndNamesAreRefused() {
        Path file = dir.resolve("tokens");
        String[] role = run("add", "--user", "op.lee", "--role", "admin", "--token-file", file.toString());
        assertEquals("2", role[0]);
        assertTrue(role[2].contains("'admin' is not a role; use viewer, operator or engineer"), role[2]);
        String[] name = run("add", "--user", "op lee;rm", "--role", "viewer", "--token-file", file.toString());
        assertEquals("2", name[0]);
        assertTrue(name[2].contains("user name"), name[2]);
        assertFalse(Files.exists(file));
    }

    @Test
    void aDamagedTokenFileIsReportedWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "# comment\nnot a token line\n");
        String[] r = run("list", "--token-file", file.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(file + ":2:"), r[2]);
    }
}
