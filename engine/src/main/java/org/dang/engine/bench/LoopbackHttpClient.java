package org.dang.engine.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection, for load generation only: it writes a request
 * and reads the status line, headers and a Content-Length body, and nothing else (no TLS, no chunked
 * answers, no redirects). It costs a small fraction of java.net.http's CPU per request, so on a
 * 2-core machine the load generator does not take the cores away from the server it measures.
 */
final class LoopbackHttpClient implements AutoCloseable {

    private final URI base;
    private final String authorization;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    LoopbackHttpClient(URI base, String token) {
        this.base = base;
        this.authorization = "Authorization: Bearer " + token + "\r\n";
    }

    /** Sends {@code method path} with an optional JSON body; returns the status, having read the answer. */
    int send(String method, String path, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort())
                .append("\r\n").append(authorization);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length (status " + code + ")");
        }
        in.skipNBytes(length);
        if (close) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a benchmark connection: nothing to do.
            }
            socket = null;
        }
    }
}
