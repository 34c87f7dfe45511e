package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.max_connections} over real sockets on loopback: with a limit of 2, two kept-alive
 * connections are served, a third is closed unanswered, and once one of the two closes a new one is served.
 */
class ConnectionLimitTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionBeyondTheLimitIsClosedAndOneIsServedAgainWhenAnotherCloses() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConnectionLimitChild.class.getName(), dir.toString(), "2")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Socket> open = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String[] first = out.readLine().split(" ");
            int port = Integer.parseInt(first[0]);
            String token = first[1];
            for (int i = 0; i < 2; i++) {
                Socket s = connect(port);
                open.add(s);
                assertEquals(200, status(s, token), "connection " + (i + 1) + " of 2");
            }
            try (Socket third = connect(port)) {
                assertEquals(-1, status(third, token), "a third connection must be closed unanswered");
            }
            // The first two are still served on their kept-alive connections.
            assertEquals(200, status(open.get(1), token));
            open.remove(0).close();
            // The server notices the close on its next select; give it a moment.
            int again = -1;
            for (int attempt = 0; attempt < 50 && again != 200; attempt++) {
                try (Socket s = connect(port)) {
                    again = status(s, token);
                }
                if (again != 200) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            assertEquals(200, again, "a connection is served again once one of the two closed");
        } finally {
            for (Socket s : open) {
                s.close();
            }
            child.getOutputStream().close();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS) || child.destroyForcibly().waitFor(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aClientThatSendsItsRequestTooSlowlyIsCutOffWhileOthersAreServed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConnectionLimitChild.class.getName(), dir.toString(), "16", "2")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String[] first = out.readLine().split(" ");
            int port = Integer.parseInt(first[0]);
            String token = first[1];
            try (Socket slow = connect(port)) {
                // Headers and one byte of a 100-byte body, then nothing (a slowloris client).
                slow.getOutputStream().write(("POST /orchestrate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + token + "\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.getOutputStream().flush();
                try (Socket other = connect(port)) {
                    assertEquals(200, status(other, token), "another client is served meanwhile");
                }
                // request_timeout 2 s: the server closes the slow connection; the read ends instead of timing out.
                slow.setSoTimeout(20_000);
                int end;
                try {
                    end = slow.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    end = -1;
                }
                assertEquals(-1, end, "the slow client's connection must be closed by the server");
            }
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS) || child.destroyForcibly().waitFor(5, TimeUnit.SECONDS));
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        return s;
    }

    /** Sends GET /status on {@code s} (kept alive) and returns the status code, or -1 when the server closed it. */
    private static int status(Socket s, String token) throws IOException {
        OutputStream o = s.getOutputStream();
        try {
            o.write(("GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
        } catch (IOException e) {
            return -1;
        }
        InputStream in = s.getInputStream();
        String statusLine;
        int length = -1;
        try {
            statusLine = line(in);
            if (statusLine == null) {
                return -1;
            }
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).strip());
                }
            }
        } catch (java.net.SocketException e) {
            return -1; // reset by the server
        }
        if (length > 0) {
            in.readNBytes(length);
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return b.toString().stripTrailing();
            }
            b.append((char) c);
        }
        return b.isEmpty() ? null : b.toString();
    }
}
