package org.dang.engine.advisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ChatTimings;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.TokenUsage;

/**
 * Test double: answers with a recorded {@link ChatResult} (no weights can run here), or never answers
 * (for deadlines). Keeps the prompts it was given so tests can inspect them.
 */
final class RecordedChatModel implements ChatModel {

    static final ModelInfo INFO = new ModelInfo("recorded", "deepseek-r1-distill-qwen-7b", "test");

    private final ChatResult recorded;
    final List<String> prompts = new ArrayList<>();
    final AtomicInteger cancels = new AtomicInteger();

    private RecordedChatModel(ChatResult recorded) {
        this.recorded = recorded;
    }

    /** Answers with {@code answer} after {@code reasoning}, finish STOP. */
    static RecordedChatModel answering(String reasoning, String answer) {
        return new RecordedChatModel(new ChatResult(answer, reasoning, FinishReason.STOP, Optional.empty(),
                TokenUsage.none(), new ChatTimings(Optional.of(Duration.ofMillis(40)), Duration.ofMillis(900), 30),
                Optional.of(INFO)));
    }

    /** Ends with {@code finish} (ERROR, UNAVAILABLE) and an error text. */
    static RecordedChatModel failing(FinishReason finish, String error) {
        return new RecordedChatModel(new ChatResult("", "", finish, Optional.of(error), TokenUsage.none(),
                new ChatTimings(Optional.empty(), Duration.ofMillis(5), 0), Optional.empty()));
    }

    /** Never completes unless cancelled. */
    static RecordedChatModel silent() {
        return new RecordedChatModel(null);
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public synchronized ChatHandle stream(ChatRequest request, ChatListener listener) {
        prompts.add(request.messages().getLast().content());
        CompletableFuture<ChatResult> f = recorded == null ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(recorded);
        return new ChatHandle() {
            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }

            @Override
            public CompletableFuture<ChatResult> result() {
                return f;
            }
        };
    }
}
