package org.dang.engine.client.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.assistant.AssistantHandle;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ReplyStatus;
import org.dang.engine.assistant.ToolStep;
import org.dang.engine.client.ChatModelState;
import org.dang.engine.client.OperatorChat;
import org.dang.engine.json.Json;
import org.dang.engine.store.ConversationTurn;

/**
 * {@link OperatorChat} over {@code POST /chat/ask} (its server-sent events read line by line as they
 * come) and {@code /chat/history}. Cancelling closes the stream, which makes the engine cancel the question;
 * a stream silent for longer than the engine's keep-alives allow ends the question as failed.
 */
final class RemoteChat implements OperatorChat {

    /** The engine writes a keep-alive every 15 s; three missed mean the engine or the network is gone. */
    static final Duration SILENCE = Duration.ofSeconds(45);
    /** The engine builds its model on first use (local weights take minutes), so its state may be slow to come. */
    static final Duration MODEL_WAIT = Duration.ofMinutes(5);

    private final EngineHttp http;
    private final Duration silence;
    private CompletableFuture<ChatModelState> model;

    RemoteChat(EngineHttp http) {
        this(http, SILENCE);
    }

    /** A chat whose answers fail after {@code silence} without a byte from the engine. */
    RemoteChat(EngineHttp http, Duration silence) {
        this.http = http;
        this.silence = silence;
    }

    @Override
    public synchronized CompletableFuture<ChatModelState> model() {
        if (model == null) {
            model = CompletableFuture.supplyAsync(() -> {
                JsonNode h = http.get("/chat/history?limit=1", MODEL_WAIT);
                String name = h.path("model").isTextual() ? h.path("model").asText() : null;
                List<String> problems = new ArrayList<>();
                h.path("problems").forEach(p -> problems.add(p.asText()));
                String explain = name == null ? h.path("unavailable").asText("")
                        : problems.isEmpty() ? "" : "Some backends are not available on the engine: "
                                + String.join("; ", problems);
                return new ChatModelState(Optional.ofNullable(name), explain);
            }, r -> Thread.ofVirtual().name("remote-chat-model").start(r));
        }
        return model;
    }

    @Override
    public AssistantHandle ask(String question, AssistantListener listener) {
        Question q = new Question(question, listener);
        Thread.ofVirtual().name("remote-chat-ask").start(q::run);
        return q;
    }

    @Override
    public List<ConversationTurn> history(int limit) {
        List<ConversationTurn> out = new ArrayList<>();
        for (JsonNode t : http.get("/chat/history?limit=" + limit).path("turns")) {
            out.add(Json.mapper().convertValue(t, ConversationTurn.class));
        }
        return out;
    }

    @Override
    public int clear() {
        return http.delete("/chat/history").path("cleared").asInt();
    }

    /** One question streaming from the engine. */
    private final class Question implements AssistantHandle {
        private final String question;
        private final AssistantListener listener;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final CompletableFuture<AssistantReply> result = new CompletableFuture<>();
        private volatile InputStream body;

        Question(String question, AssistantListener listener) {
            this.question = question;
            this.listener = listener;
        }

        private void run() {
            String what = "POST /chat/ask";
            try {
                HttpRequest request = http.request("/chat/ask").header("Accept", "text/event-stream")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("question", question)))).build();
                HttpResponse<InputStream> r = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    body = in;
                    if (r.statusCode() != 200) {
                        refused(http.refusal(r.statusCode(), new String(in.readNBytes(8192), StandardCharsets.UTF_8)));
                        return;
                    }
                    if (!ended.get()) {
                        HeardStream heard = new HeardStream(in);
                        Thread watch = Thread.ofVirtual().name("remote-chat-watch").start(() -> watch(heard));
                        try {
                            SseReader.read(heard, ended::get, this::event);
                        } finally {
                            watch.interrupt();
                        }
                    }
                }
                end(ReplyStatus.FAILED, "The engine at " + http.engine() + " ended the answer before the reply"
                        + " (it may have restarted); the question may be asked again.");
            } catch (IOException e) {
                end(ReplyStatus.FAILED, body == null ? http.unreachable(what, e).getMessage()
                        : "The connection to the engine at " + http.engine() + " broke during the answer (" + e
                                + "); the question may be asked again.");
            } catch (InterruptedException e) {
                end(ReplyStatus.CANCELLED, "Cancelled.");
            } catch (RuntimeException e) {
                end(ReplyStatus.FAILED, what + " to " + http.engine() + " failed: " + e.getMessage());
            }
        }

        /** Ends the question when {@code heard} stays silent for {@link #silence}. */
        private void watch(HeardStream heard) {
            try {
                while (!ended.get()) {
                    long quiet = System.nanoTime() - heard.last;
                    if (quiet >= silence.toNanos()) {
                        end(ReplyStatus.FAILED, "No word from the engine at " + http.engine() + " for "
                                + silence.toSeconds() + " s, not even a keep-alive: the engine or the network is down;"
                                + " the question may be asked again.");
                        cancel();
                        return;
                    }
                    Thread.sleep(Duration.ofNanos(silence.toNanos() - quiet));
                }
            } catch (InterruptedException e) {
                // The stream ended first.
            }
        }

        private void refused(RuntimeException e) {
            ReplyStatus status = e instanceof AccessDeniedException ? ReplyStatus.DENIED
                    : e instanceof RemoteEngineException r && r.status() == 409 ? ReplyStatus.MODEL_UNAVAILABLE
                    : ReplyStatus.FAILED;
            end(status, e.getMessage());
        }

        private void event(String name, String data) {
            if (ended.get()) {
                return;
            }
            try {
                JsonNode json = Json.mapper().readTree(data);
                switch (name) {
                    case "reasoning" -> listener.thinking(json.path("text").asText());
                    case "answer" -> listener.answer(json.path("text").asText());
                    case "note" -> listener.note(json.path("text").asText());
                    case "step" -> listener.step(Json.mapper().treeToValue(json, ToolStep.class));
                    case "completed" -> end(Json.mapper().treeToValue(json, AssistantReply.class));
                    default -> {
                        // "proposal" cards come again inside "completed"; events of a newer engine are skipped.
                    }
                }
            } catch (IOException | RuntimeException e) {
                end(ReplyStatus.FAILED, "The engine at " + http.engine() + " sent a chat event \"" + name
                        + "\" that could not be read: " + e.getMessage());
            }
        }

        private void end(ReplyStatus status, String message) {
            end(new AssistantReply(question, status, "", message, "", List.of(), List.of(), ""));
        }

        /** Ends the question with {@code reply} unless it already ended: the listener first, as the assistant does. */
        private void end(AssistantReply reply) {
            if (ended.compareAndSet(false, true)) {
                listener.completed(reply);
                result.complete(reply);
            }
        }

        @Override
        public void cancel() {
            end(ReplyStatus.CANCELLED, "Cancelled.");
            InputStream b = body;
            if (b != null) {
                try {
                    // Closing the stream makes the engine cancel the question (its next write fails).
                    b.close();
                } catch (IOException e) {
                    // Already gone.
                }
            }
        }

        @Override
        public CompletableFuture<AssistantReply> result() {
            return result;
        }
    }

    /** The answer's body, noting when a byte last came. */
    private static final class HeardStream extends FilterInputStream {
        private volatile long last = System.nanoTime();

        HeardStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            last = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            last = System.nanoTime();
            return n;
        }
    }
}
