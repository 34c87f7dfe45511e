package org.dang.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.dang.engine.access.Role;
import org.dang.engine.server.TokenFile;

/** {@code dang serve} as a command: it listens where the configuration says and refuses an open bind. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesTheConfiguredStoreAndStopsWhenInterrupted() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"),
                "store:\n  path: decisions\nserver:\n  port: 0\n  token_file: tokens\n");
        String token = new TokenFile(dir.resolve("tokens")).add("op.lee", Role.OPERATOR);
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ServeCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int[] code = {-1};
        Thread serve = Thread.ofPlatform().name("serve-under-test")
                .start(() -> code[0] = cl.execute("--config", config.toString(), "--source", "none"));
        Matcher m = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+) ").matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!m.reset(out.toString()).find()) {
            assertTrue(System.nanoTime() < deadline, "no start line: " + out);
            Thread.sleep(50);
        }
        assertTrue(out.toString().contains(dir.resolve("decisions").toString()), out.toString());
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(m.group(1) + "/status")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode(), status.body());
        serve.interrupt();
        serve.join(TimeUnit.SECONDS.toMillis(20));
        assertEquals(0, code[0]);
        assertTrue(Files.exists(dir.resolve("decisions.mv.db")));
    }

    @Test
    void anOpenBindWithoutTlsIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServeCommand());
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--bind", "0.0.0.0", "--store", dir.resolve("s").toString(), "--source", "none");
        assertEquals(2, code);
        assertTrue(err.toString().contains("refusing to listen on 0.0.0.0 without TLS"), err.toString());
        assertTrue(!Files.exists(dir.resolve("s.mv.db")), "no store opened");
    }
}
