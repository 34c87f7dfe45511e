package org.dang.engine.llm.sagemaker;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * A loopback SageMaker runtime: {@code POST /endpoints/NAME/invocations} (JSON body back) and
 * {@code /invocations-response-stream} (application/vnd.amazon.eventstream frames built with
 * software.amazon.eventstream: PayloadPart events whose payload is the container's raw bytes, and
 * exception events such as ModelStreamError), and errors as the service sends them (status,
 * {@code x-amzn-ErrorType} header, JSON body).
 */
final class ScriptedSageMakerServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply. */
    @FunctionalInterface
    interface Reply {
        void write(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** A request the server received. */
    record Received(String path, String authorization, String contentType, JsonNode body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger brokenWrites = new AtomicInteger();

    ScriptedSageMakerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedSageMakerServer then(Reply r) {
        script.add(r);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int brokenWrites() {
        return brokenWrites.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(in)));
            Reply r = script.poll();
            if (r == null) {
                r = error(500, "InternalFailure", "{\"message\":\"no scripted reply left\"}");
            }
            r.write(ex);
        } catch (IOException e) {
            brokenWrites.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A whole InvokeEndpoint response. */
    static Reply invocation(String body) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("x-Amzn-Invoked-Production-Variant", "AllTraffic");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        };
    }

    /** An error as SageMaker sends it. */
    static Reply error(int status, String type, String jsonBody) {
        return ex -> {
            byte[] b = jsonBody.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.sagemaker/");
            ex.getResponseHeaders().set("x-amzn-RequestId", "4b9c2f36-1d0a-4a8e-9f2e-6b1c0f3a7d11");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        };
    }

    /** A response stream: each frame written and flushed, {@code gap} apart. */
    static Reply stream(List<byte[]> frames, Duration gap) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
            ex.getResponseHeaders().set("X-Amzn-SageMaker-Content-Type", "application/jsonlines");
            ex.getResponseHeaders().set("x-Amzn-Invoked-Production-Variant", "AllTraffic");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (byte[] f : frames) {
                out.write(f);
                out.flush();
                if (!gap.isZero()) {
                    Thread.sleep(gap.toMillis());
                }
            }
        };
    }

    /** The container's output cut into PayloadPart frames of {@code size} bytes (cuts inside JSON and UTF-8 included). */
    static List<byte[]> payloadParts(String output, int size) {
        byte[] all = output.getBytes(StandardCharsets.UTF_8);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < all.length; i += size) {
            byte[] part = java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + size));
            frames.add(payloadPart(part));
        }
        return frames;
    }

    /** One PayloadPart event frame. */
    static byte[] payloadPart(byte[] bytes) {
        Map<String, HeaderValue> h = new LinkedHashMap<>();
        h.put(":event-type", HeaderValue.fromString("PayloadPart"));
        h.put(":content-type", HeaderValue.fromString("application/octet-stream"));
        h.put(":message-type", HeaderValue.fromString("event"));
        return frame(new Message(h, bytes));
    }

    /** An exception event frame, e.g. ModelStreamError. */
    static byte[] exceptionEvent(String type, String jsonPayload) {
        Map<String, HeaderValue> h = new LinkedHashMap<>();
        h.put(":exception-type", HeaderValue.fromString(type));
        h.put(":content-type", HeaderValue.fromString("application/json"));
        h.put(":message-type", HeaderValue.fromString("exception"));
        return frame(new Message(h, jsonPayload.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] frame(Message m) {
        java.nio.ByteBuffer b = m.toByteBuffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /**
     * LMI's JSON lines for an R1 reply: one {@code {"token": ...}} line per token, the last one with
     * {@code generated_text} and {@code details}, as the rolling-batch handler writes them.
     */
    static String lmiLines(List<String> tokens, String finishReason, int inputs) {
        StringBuilder b = new StringBuilder();
        int id = 1000;
        for (int i = 0; i < tokens.size(); i++) {
            var line = JSON.createObjectNode();
            line.putObject("token").put("id", id++).put("text", tokens.get(i)).put("log_prob", -0.25);
            if (i == tokens.size() - 1) {
                line.put("generated_text", String.join("", tokens));
                line.putObject("details").put("finish_reason", finishReason).put("generated_tokens", tokens.size())
                        .put("inputs", "prompt of " + inputs + " tokens");
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** TGI's SSE events for a reply, ending with the special end-of-sentence token and details. */
    static String tgiEvents(List<String> tokens, String finishReason, int inputLength) {
        StringBuilder b = new StringBuilder();
        int id = 2000;
        for (String t : tokens) {
            var e = JSON.createObjectNode();
            e.put("index", id - 1999);
            e.putObject("token").put("id", id++).put("text", t).put("logprob", -0.1).put("special", false);
            e.putNull("generated_text");
            e.putNull("details");
            e.putNull("top_tokens");
            b.append("data:").append(e).append("\n\n");
        }
        var last = JSON.createObjectNode();
        last.put("index", tokens.size() + 1);
        last.putObject("token").put("id", 151643).put("text", "<\uFF5Cend\u2581of\u2581sentence\uFF5C>")
                .put("logprob", -0.01).put("special", true);
        last.put("generated_text", String.join("", tokens));
        last.putObject("details").put("finish_reason", finishReason).put("generated_tokens", tokens.size() + 1)
                .put("input_length", inputLength).putNull("seed");
        last.putNull("top_tokens");
        b.append("data:").append(last).append("\n\n");
        return b.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
