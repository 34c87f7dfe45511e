package org.dang.engine.client;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.assistant.Assistant;
import org.dang.engine.assistant.AssistantHandle;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ConversationMemory;
import org.dang.engine.assistant.ReplyStatus;
import org.dang.engine.store.ConversationTurn;

/**
 * {@link OperatorChat} over the engine's own {@link Assistant}, built on first use once the model's
 * backends are (on a thread of its own: SDK clients take a moment, local weights longer).
 */
final class EmbeddedChat implements OperatorChat {

    private final Engine engine;
    private final User user;
    private final ConversationMemory memory;
    private CompletableFuture<ChatModelState> model;
    private volatile Assistant assistant;

    EmbeddedChat(Engine engine, User user) {
        this.engine = engine;
        this.user = user;
        this.memory = new ConversationMemory(engine.store(), InstantSource.system());
    }

    @Override
    public synchronized CompletableFuture<ChatModelState> model() {
        if (model == null) {
            model = CompletableFuture.supplyAsync(engine::llm,
                    r -> Thread.ofVirtual().name("chat-model-setup").start(r)).thenApply(s -> {
                        s.model().ifPresent(m -> assistant = Assistant.over(engine, m));
                        return new ChatModelState(s.model().map(m -> m.info().describe()), s.explain());
                    });
        }
        return model;
    }

    @Override
    public AssistantHandle ask(String question, AssistantListener listener) {
        Assistant a = assistant;
        if (a != null) {
            return a.ask(user, question, listener);
        }
        CompletableFuture<ChatModelState> m = model();
        AssistantReply r = new AssistantReply(question, ReplyStatus.MODEL_UNAVAILABLE, "", m.isDone()
                && !m.isCompletedExceptionally() ? m.join().explain() : "The language model is not set up yet.",
                "", List.of(), List.of(), "");
        listener.completed(r);
        return new AssistantHandle() {
            @Override
            public void cancel() {
                // Nothing is running.
            }

            @Override
            public CompletableFuture<AssistantReply> result() {
                return CompletableFuture.completedFuture(r);
            }
        };
    }

    @Override
    public List<ConversationTurn> history(int limit) {
        return memory.history(user.name(), limit);
    }

    @Override
    public int clear() {
        Assistant a = assistant;
        if (a == null) {
            throw new IllegalStateException("no language model is set up");
        }
        return a.clear(user);
    }
}
