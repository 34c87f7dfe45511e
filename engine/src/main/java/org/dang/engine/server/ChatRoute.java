package org.dang.engine.server;

import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.assistant.Assistant;
import org.dang.engine.assistant.AssistantHandle;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ConversationMemory;
import org.dang.engine.assistant.ToolStep;
import org.dang.engine.json.Json;
import org.dang.engine.llm.backend.LlmSetup;

/**
 * The chat assistant over HTTP as the token's user: {@code POST /chat/ask} streams one question's
 * progress as server-sent events (the same writer as {@code /events}) and ends with {@code completed};
 * {@code GET /chat/history} and {@code DELETE /chat/history} read and clear the user's own conversation.
 * One {@link Assistant} over the engine's model is built on first use.
 */
final class ChatRoute {

    /** The body of {@code POST /chat/ask}. */
    record AskRequest(String question) {
    }

    private final Engine engine;
    private final ConversationMemory memory;
    private Assistant assistant;

    ChatRoute(Engine engine) {
        this.engine = engine;
        this.memory = new ConversationMemory(engine.store(), InstantSource.system());
    }

    /** The assistant, built on first use; 409 naming why when the engine has no model. */
    private synchronized Assistant assistant() {
        if (assistant == null) {
            LlmSetup setup = engine.llm();
            assistant = setup.model().map(m -> Assistant.over(engine, m)).orElseThrow(() -> new ApiException(409, "model_unavailable", null, setup.explain()));
        }
        return assistant;
    }

    /** {@code POST /chat/ask}: the question's events as they happen, then {@code completed}. */
    final class Ask implements Route.Handler {
        @Override
        public void handle(HttpCall call, User user) throws IOException {
            call.query(Set.of());
            if (!Action.ASK_ASSISTANT.allowedFor(user.role())) {
                // Refused and audited as DENIED before anything is read.
                engine.actions().perform(user, Action.ASK_ASSISTANT, "assistant", () -> "");
            }
            AskRequest body = JsonBody.read(call.body(), AskRequest.class);
            if (body.question() == null || body.question().isBlank()) {
                throw ApiException.invalid("question", "question: must not be empty");
            }
            Assistant a = assistant();
            // A hub of its own: one client, closed after the last event, so the stream ends there.
            EventHub hub = new EventHub();
            try (EventHub.Subscription sub = hub.subscribe()) {
                AssistantHandle handle = a.ask(user, body.question(), new AssistantListener() {
                    @Override
                    public void thinking(String text) {
                        hub.publish("reasoning", Json.write(Map.of("text", text)));
                    }

                    @Override
                    public void answer(String text) {
                        hub.publish("answer", Json.write(Map.of("text", text)));
                    }

                    @Override
                    public void step(ToolStep step) {
                        hub.publish("step", Json.write(step));
                    }

                    @Override
                    public void note(String text) {
                        hub.publish("note", Json.write(Map.of("text", text)));
                    }

                    @Override
                    public void completed(AssistantReply reply) {
                        reply.proposals().forEach(c -> hub.publish("proposal", Json.write(c)));
                        hub.publish("completed", Json.write(reply));
                        hub.close();
                    }
                });
                EventsRoute.stream(call, user, sub, handle::cancel);
            }
        }
    }

    /** {@code GET /chat/history?limit=}: the user's newest turns, oldest first, and the model's state. */
    void history(HttpCall call, User user) throws IOException {
        int limit = DecisionsRoute.integer(call.query(Set.of("limit")), "limit", 200, 1, 1000);
        LlmSetup setup = engine.llm();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("turns", memory.history(user.name(), limit));
        m.put("model", setup.model().map(x -> x.info().describe()).orElse(null));
        m.put("unavailable", setup.model().isPresent() ? null : setup.explain());
        m.put("problems", setup.problems());
        call.json(200, m);
    }

    /** {@code DELETE /chat/history}: forgets the user's conversation (audited); answers how many turns went. */
    void clear(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        call.json(200, Map.of("cleared", assistant().clear(user)));
    }
}
