package org.dang.engine.llm.openai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatRole;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.prompt.DeepSeekR1Prompt;
import org.dang.engine.llm.reasoning.ReasoningParser;
import org.dang.engine.llm.stream.ChatCall;
import org.dang.engine.llm.stream.IdleWatch;
import org.dang.engine.llm.stream.ReplyAssembler;
import org.dang.engine.llm.stream.SseReader;

/**
 * DeepSeek-R1 on an OpenAI-compatible server (vLLM, Ollama, llama.cpp server): POST
 * {@code /v1/chat/completions} with {@code stream: true}, Server-Sent Events back. Reasoning arrives in
 * {@code reasoning_content} or {@code reasoning} fields, or inline in the content with
 * {@code <think>} tags; usage counts come from the final chunk when the server sends them.
 */
public final class OpenAiChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Error bodies are read up to this many bytes; a server that sends more is cut off. */
    private static final int ERROR_BODY_LIMIT = 4096;

    private final URI endpoint;
    private final ModelInfo info;
    private final Optional<String> bearerToken;
    private final Duration timeout;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * A client for the server at {@code baseUrl} (with or without a trailing {@code /v1}).
     *
     * @param bearerToken sent as {@code Authorization: Bearer ...} when present
     * @param timeout     longest wait for the response, the first token, and between tokens
     */
    public OpenAiChatModel(URI baseUrl, String model, Optional<String> bearerToken, Duration timeout) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
        this.info = new ModelInfo("openai", model, base);
        this.bearerToken = bearerToken;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llm-openai-watch");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatHandle stream(ChatRequest request, ChatListener listener) {
        ChatCall call = new ChatCall();
        ReplyAssembler reply = new ReplyAssembler(info, request.budget(), listener, ReasoningParser.deepSeekR1(), call);
        Thread.ofVirtual().name("llm-openai-" + calls.incrementAndGet()).start(() -> {
            try {
                run(request, reply, call);
            } catch (RuntimeException e) {
                reply.fail("OpenAI-compatible client failed: " + e);
            }
        });
        return call;
    }

    private void run(ChatRequest request, ReplyAssembler reply, ChatCall call) {
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
        bearerToken.ifPresent(t -> http.header("Authorization", "Bearer " + t));
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        AtomicReference<InputStream> body = new AtomicReference<>();
        AtomicReference<String> aborted = new AtomicReference<>();
        Runnable abort = () -> {
            pending.cancel(true);
            closeQuietly(body.get());
        };
        call.onCancel(abort);
        try (IdleWatch watch = new IdleWatch(timer, timeout, () -> {
            aborted.set("no token from " + info.location() + " for " + seconds(timeout) + " (orchestrator.llm.openai.timeout)");
            abort.run();
        })) {
            HttpResponse<InputStream> response;
            try {
                response = pending.get();
            } catch (ExecutionException e) {
                finishFailed(reply, call, aborted, connectionProblem(e.getCause()));
                return;
            } catch (CancellationException e) {
                finishFailed(reply, call, aborted, "cancelled");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply.finish(FinishReason.CANCELLED, Optional.empty());
                return;
            }
            body.set(response.body());
            if (call.cancelled() || aborted.get() != null) {
                closeQuietly(response.body());
            }
            if (response.statusCode() != 200) {
                finishFailed(reply, call, aborted, "HTTP " + response.statusCode() + " from " + endpoint + ": "
                        + errorMessage(response.body()));
                return;
            }
            watch.touch();
            ChunkReader chunks = new ChunkReader(reply, watch);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                SseReader.read(in, chunks::accept);
            } catch (IOException e) {
                finishFailed(reply, call, aborted, "the stream from " + endpoint + " broke: " + describe(e));
                return;
            }
            if (call.cancelled()) {
                reply.finish(FinishReason.CANCELLED, Optional.empty());
            } else if (aborted.get() != null) {
                reply.fail(aborted.get());
            } else {
                chunks.finish();
            }
        }
    }

    /** One reply's events: [DONE], JSON chunks handed to {@link ChatChunks}. */
    private final class ChunkReader {
        private final ReplyAssembler reply;
        private final IdleWatch watch;
        private final ChatChunks chunks;
        private boolean done;

        ChunkReader(ReplyAssembler reply, IdleWatch watch) {
            this.reply = reply;
            this.watch = watch;
            this.chunks = new ChatChunks(reply, endpoint.toString());
        }

        /** Handles one event; false stops reading. */
        boolean accept(String data) {
            watch.touch();
            if (data.strip().equals("[DONE]")) {
                done = true;
                return false;
            }
            JsonNode chunk;
            try {
                chunk = JSON.readTree(data);
            } catch (IOException e) {
                reply.fail("unreadable chunk from " + endpoint + ": " + shorten(data));
                return false;
            }
            return chunks.accept(chunk);
        }

        void finish() {
            chunks.end(done);
        }
    }

    private String body(ChatRequest request) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", info.model());
        ArrayNode messages = b.putArray("messages");
        for (ChatMessage m : DeepSeekR1Prompt.messages(request)) {
            messages.addObject().put("role", m.role() == ChatRole.USER ? "user" : "assistant").put("content", m.content());
        }
        b.put("stream", true);
        b.putObject("stream_options").put("include_usage", true);
        b.put("max_tokens", request.budget().maxTokens());
        b.put("temperature", request.sampling().temperature());
        b.put("top_p", request.sampling().topP());
        request.sampling().seed().ifPresent(s -> b.put("seed", s));
        return b.toString();
    }

    private void finishFailed(ReplyAssembler reply, ChatCall call, AtomicReference<String> aborted, String problem) {
        if (call.cancelled()) {
            reply.finish(FinishReason.CANCELLED, Optional.empty());
        } else {
            reply.fail(aborted.get() != null ? aborted.get() : problem);
        }
    }

    private String connectionProblem(Throwable cause) {
        return switch (cause) {
            case ConnectException _ -> "cannot connect to " + info.location() + ": connection refused (is the server running?)";
            case HttpTimeoutException _ -> "no response from " + info.location() + " within " + seconds(timeout)
                    + " (orchestrator.llm.openai.timeout)";
            case null -> "request to " + info.location() + " failed";
            default -> "request to " + info.location() + " failed: " + describe(cause);
        };
    }

    private static String errorMessage(InputStream body) {
        String text;
        try (body) {
            text = new String(body.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no readable body)";
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.hasNonNull("error")) {
                JsonNode e = n.get("error");
                return e.hasNonNull("message") ? e.get("message").asText() : e.isTextual() ? e.asText() : e.toString();
            }
            if (n != null && n.hasNonNull("detail")) {
                return n.get("detail").toString();
            }
        } catch (IOException e) {
            // Not JSON: the text itself is the message.
        }
        return text.isEmpty() ? "(empty body)" : shorten(text);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String shorten(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Closing is how the stream is aborted; a failure to close changes nothing.
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.shutdownNow();
    }
}
