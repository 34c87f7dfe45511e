package org.dang.engine.llm.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback server that speaks the OpenAI chat-completions wire format as vLLM, Ollama and llama.cpp
 * do: SSE {@code data: {chunk}} events, a usage chunk, {@code data: [DONE]}. Replies are scripted per
 * request, written in arbitrary fragments (mid-line cuts included) with pauses between them.
 * Shared with the CLI and console tests.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply. */
    @FunctionalInterface
    public interface Reply {
        /** Writes the reply to the exchange. */
        void write(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** What the server received. */
    public record Received(String path, Map<String, List<String>> headers, JsonNode body) {
        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger brokenWrites = new AtomicInteger();
    private volatile Reply fallback = status(500, "{\"error\":{\"message\":\"no scripted reply left\"}}");

    /** Starts on 127.0.0.1 at a free port. */
    public ScriptedOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. http://127.0.0.1:41234. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a reply for the next request. */
    public ScriptedOpenAiServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    /** The reply when nothing is queued. */
    public ScriptedOpenAiServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    /** Requests so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Writes that failed because the client had gone (cancelled or aborted). */
    public int brokenWrites() {
        return brokenWrites.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.nullNode() : JSON.readTree(in);
            received.add(new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
            Reply r = script.poll();
            (r == null ? fallback : r).write(ex);
        } catch (IOException e) {
            brokenWrites.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An error status with a body. */
    public static Reply status(int code, String body) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
        };
    }

    /** An SSE response written fragment by fragment, flushing each, with {@code gap} between them. */
    public static Reply sse(List<String> fragments, Duration gap) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String f : fragments) {
                out.write(f.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!gap.isZero()) {
                    Thread.sleep(gap.toMillis());
                }
            }
        };
    }

    /** Waits before answering at all (a hung server). */
    public static Reply silentFor(Duration wait, Reply then) {
        return ex -> {
            Thread.sleep(wait.toMillis());
            then.write(ex);
        };
    }

    /** A streamed content piece as a chat.completion.chunk event. */
    public static String contentEvent(String content) {
        return event(delta("content", content), null);
    }

    /** A streamed reasoning piece in the given field (reasoning_content or reasoning). */
    public static String reasoningEvent(String field, String text) {
        return event(delta(field, text), null);
    }

    /** The last choice chunk with its finish reason. */
    public static String finishEvent(String reason) {
        return event(JSON.createObjectNode(), reason);
    }

    /** The usage chunk sent after the last choice when stream_options.include_usage is set. */
    public static String usageEvent(int prompt, int completion) {
        ObjectNode c = chunkBase();
        c.putArray("choices");
        c.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return "data: " + c + "\n\n";
    }

    /** The end of the stream. */
    public static final String DONE = "data: [DONE]\n\n";

    /**
     * A whole DeepSeek-R1 reply as vLLM without a reasoning parser streams it: the reasoning (with only
     * the closing tag, as the template opened it), the answer, finish, usage, [DONE]; one event per token.
     */
    public static List<String> r1Reply(List<String> reasoningTokens, List<String> answerTokens, int promptTokens) {
        List<String> events = new ArrayList<>();
        events.add(event(delta("role", "assistant"), null));
        reasoningTokens.forEach(t -> events.add(contentEvent(t)));
        events.add(contentEvent("</think>"));
        events.add(contentEvent("\n\n"));
        answerTokens.forEach(t -> events.add(contentEvent(t)));
        events.add(finishEvent("stop"));
        events.add(usageEvent(promptTokens, reasoningTokens.size() + answerTokens.size() + 2));
        events.add(DONE);
        return events;
    }

    /** The events cut into fragments of {@code size} characters, ignoring event and line boundaries. */
    public static List<String> cut(List<String> events, int size) {
        String all = String.join("", events);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.length(); i += size) {
            out.add(all.substring(i, Math.min(all.length(), i + size)));
        }
        return out;
    }

    private static ObjectNode delta(String field, String value) {
        ObjectNode d = JSON.createObjectNode();
        d.put(field, value);
        return d;
    }

    private static ObjectNode chunkBase() {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "chatcmpl-7f3a").put("object", "chat.completion.chunk").put("created", 1764000000L)
                .put("model", "deepseek-r1-distill-qwen-7b");
        return c;
    }

    private static String event(ObjectNode delta, String finishReason) {
        ObjectNode c = chunkBase();
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + c + "\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
