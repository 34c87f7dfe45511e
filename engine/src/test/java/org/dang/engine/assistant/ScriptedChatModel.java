package org.dang.engine.assistant;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ChatTimings;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.TokenUsage;
import org.dang.engine.llm.reasoning.Channel;
import org.dang.engine.llm.reasoning.Piece;
import org.dang.engine.llm.reasoning.ReasoningParser;

/**
 * Test double for a DeepSeek-R1 backend (no weights can run here): each call takes the next recorded
 * completion, raw as R1 generates it after the prompt's {@code <think>\n} ("... </think>\n\nanswer"),
 * splits it with the engine's own R1 reasoning parser and streams it word by word. Past the end of
 * the script it answers UNAVAILABLE, so a test that calls the model more often than it meant fails.
 * Keeps every prompt.
 */
final class ScriptedChatModel implements ChatModel {

    static final ModelInfo INFO = new ModelInfo("scripted", "deepseek-r1-distill-qwen-7b", "test");

    private final Deque<Object> script = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    /** Replies with {@code completions} in order (raw R1 text after {@code <think>\n}). */
    static ScriptedChatModel replying(String... completions) {
        ScriptedChatModel m = new ScriptedChatModel();
        m.script.addAll(List.of(completions));
        return m;
    }

    /** A recorded completion: reasoning, then the answer. */
    static String r1(String reasoning, String answer) {
        return reasoning + "\n</think>\n\n" + answer;
    }

    /** Then never answers (until cancelled). */
    ScriptedChatModel thenSilent() {
        script.add(Silence.INSTANCE);
        return this;
    }

    private enum Silence { INSTANCE }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public synchronized ChatHandle stream(ChatRequest request, ChatListener listener) {
        prompts.add(request.messages().getLast().content());
        Object next = script.poll();
        CompletableFuture<ChatResult> f = new CompletableFuture<>();
        ChatHandle handle = new ChatHandle() {
            @Override
            public void cancel() {
                ChatResult r = new ChatResult("", "", FinishReason.CANCELLED, Optional.empty(), TokenUsage.none(),
                        new ChatTimings(Optional.empty(), Duration.ofMillis(1), 0), Optional.of(INFO));
                if (f.complete(r)) {
                    listener.completed(r);
                }
            }

            @Override
            public CompletableFuture<ChatResult> result() {
                return f;
            }
        };
        if (next == null) {
            ChatResult r = new ChatResult("", "", FinishReason.UNAVAILABLE, Optional.of("the script has no more replies"),
                    TokenUsage.none(), new ChatTimings(Optional.empty(), Duration.ofMillis(1), 0), Optional.empty());
            listener.completed(r);
            f.complete(r);
            return handle;
        }
        if (next == Silence.INSTANCE) {
            return handle;
        }
        ReasoningParser parser = ReasoningParser.deepSeekR1();
        StringBuilder reasoning = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        for (String word : ((String) next).split("(?<= )")) {
            pieces.addAll(parser.accept(word));
        }
        pieces.addAll(parser.finish());
        for (Piece p : pieces) {
            if (p.channel() == Channel.REASONING) {
                reasoning.append(p.text());
                listener.reasoning(p.text());
            } else {
                answer.append(p.text());
                listener.answer(p.text());
            }
        }
        ChatResult r = new ChatResult(answer.toString().strip(), reasoning.toString().strip(), FinishReason.STOP,
                Optional.empty(), new TokenUsage(java.util.OptionalInt.of(100), pieces.size() / 2, pieces.size() / 2, true),
                new ChatTimings(Optional.of(Duration.ofMillis(30)), Duration.ofMillis(400), 25), Optional.of(INFO));
        listener.completed(r);
        f.complete(r);
        return handle;
    }

    /** A model that is down: every reply ends UNAVAILABLE with {@code error}. */
    static ChatModel dead(String error) {
        return new ChatModel() {
            @Override
            public ModelInfo info() {
                return INFO;
            }

            @Override
            public ChatHandle stream(ChatRequest request, ChatListener listener) {
                ChatResult r = new ChatResult("", "", FinishReason.UNAVAILABLE, Optional.of(error), TokenUsage.none(),
                        new ChatTimings(Optional.empty(), Duration.ofMillis(2), 0), Optional.empty());
                listener.completed(r);
                CompletableFuture<ChatResult> f = CompletableFuture.completedFuture(r);
                return new ChatHandle() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public CompletableFuture<ChatResult> result() {
                        return f;
                    }
                };
            }
        };
    }
}
