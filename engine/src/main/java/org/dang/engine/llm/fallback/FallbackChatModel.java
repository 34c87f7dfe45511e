package org.dang.engine.llm.fallback;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ChatTimings;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.TokenUsage;
import org.dang.engine.llm.stream.ChatCall;

/**
 * Tries backends in the configured order: a backend whose circuit is open is skipped, one that fails
 * or gives no first token within its timeout is cancelled and the next is tried. Once a backend has
 * streamed a token it owns the reply (the operator has seen its text), so a later failure ends the
 * reply as ERROR instead of switching. When none answers, the reply ends UNAVAILABLE with every
 * backend's reason, and the engine's rules decide alone.
 */
public final class FallbackChatModel implements ChatModel {

    private static final Logger LOG = System.getLogger(FallbackChatModel.class.getName());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final List<Backend> backends;
    private final ModelInfo info;
    private final AtomicInteger calls = new AtomicInteger();

    /** A ladder over {@code backends}, tried in list order. */
    public FallbackChatModel(List<Backend> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a fallback needs at least one backend");
        }
        this.backends = List.copyOf(backends);
        this.info = new ModelInfo("fallback", this.backends.stream().map(b -> b.model().info().backend())
                .collect(Collectors.joining(" > ")), "");
    }

    @Override
    public ModelInfo info() {
        return backends.size() == 1 ? backends.getFirst().model().info() : info;
    }

    /** The rungs, in order (for status displays). */
    public List<Backend> backends() {
        return backends;
    }

    @Override
    public ChatHandle stream(ChatRequest request, ChatListener listener) {
        ChatCall call = new ChatCall();
        AtomicReference<ChatHandle> current = new AtomicReference<>();
        call.onCancel(() -> {
            ChatHandle h = current.get();
            if (h != null) {
                h.cancel();
            }
        });
        Thread.ofVirtual().name("llm-fallback-" + calls.incrementAndGet())
                .start(() -> call.complete(run(request, listener, call, current)));
        return call;
    }

    private ChatResult run(ChatRequest request, ChatListener listener, ChatCall call,
                           AtomicReference<ChatHandle> current) {
        long start = System.nanoTime();
        List<String> reasons = new ArrayList<>();
        for (Backend b : backends) {
            if (call.cancelled()) {
                return ended(FinishReason.CANCELLED, Optional.empty(), start, listener);
            }
            String name = b.model().info().describe();
            if (!b.breaker().tryAcquire()) {
                reasons.add(name + ": skipped, " + b.breaker().failures() + " failures in a row; next try after "
                        + b.breaker().retryAt().map(CLOCK::format).orElse("now") + " UTC");
                continue;
            }
            Attempt attempt = new Attempt(listener);
            ChatHandle h = b.model().stream(request, attempt);
            current.set(h);
            if (call.cancelled()) {
                h.cancel();
            }
            ChatResult r = awaitStart(h, attempt, b.timeout());
            if (r == null) {
                // No first token in time: give up on this rung.
                h.cancel();
                b.breaker().failure();
                reasons.add(name + ": no first token within " + seconds(b.timeout()));
                continue;
            }
            if (r.finish() == FinishReason.CANCELLED) {
                b.breaker().release();
                return forward(r, listener);
            }
            if (r.finish() == FinishReason.ERROR || r.finish() == FinishReason.UNAVAILABLE) {
                b.breaker().failure();
                if (attempt.started.get()) {
                    return forward(r, listener); // the operator has seen its text: no switching now
                }
                reasons.add(name + ": " + r.error().orElse("failed"));
                LOG.log(Level.INFO, "LLM backend " + name + " failed, trying the next: " + r.error().orElse(""));
                continue;
            }
            b.breaker().success();
            return forward(r, listener);
        }
        return ended(FinishReason.UNAVAILABLE, Optional.of(reasons.isEmpty() ? "no backend configured"
                : String.join("; ", reasons)), start, listener);
    }

    /** The result once the reply has started streaming or ended; null when neither happened within the timeout. */
    private static ChatResult awaitStart(ChatHandle h, Attempt attempt, Duration timeout) {
        CompletableFuture<Object> startedOrDone = CompletableFuture.anyOf(attempt.firstToken, h.result());
        try {
            startedOrDone.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h.cancel();
        } catch (java.util.concurrent.ExecutionException e) {
            // Backend results never complete exceptionally; treat it as its own failure below.
        }
        return h.result().join(); // started: it owns the reply, wait for its end
    }

    private ChatResult forward(ChatResult r, ChatListener listener) {
        safe(() -> listener.completed(r));
        return r;
    }

    private ChatResult ended(FinishReason finish, Optional<String> error, long start, ChatListener listener) {
        ChatResult r = new ChatResult("", "", finish, error, TokenUsage.none(),
                new ChatTimings(Optional.empty(), Duration.ofNanos(System.nanoTime() - start), 0), Optional.empty());
        return forward(r, listener);
    }

    /** Passes one backend's pieces on, noting the first; its completion is held back for the ladder to judge. */
    private static final class Attempt implements ChatListener {
        private final ChatListener downstream;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<Object> firstToken = new CompletableFuture<>();

        Attempt(ChatListener downstream) {
            this.downstream = downstream;
        }

        @Override
        public void reasoning(String text) {
            mark();
            safe(() -> downstream.reasoning(text));
        }

        @Override
        public void answer(String text) {
            mark();
            safe(() -> downstream.answer(text));
        }

        private void mark() {
            if (started.compareAndSet(false, true)) {
                firstToken.complete(Boolean.TRUE);
            }
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chat listener failed: " + e, e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        for (Backend b : backends) {
            try {
                b.model().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + b.model().info().describe() + " failed: " + e, e);
            }
        }
    }
}
