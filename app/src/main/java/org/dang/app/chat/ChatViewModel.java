package org.dang.app.chat;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.assistant.Assistant;
import org.dang.engine.assistant.AssistantSettings;
import org.dang.engine.assistant.ConversationMemory;
import org.dang.engine.assistant.ProposalCard;
import org.dang.engine.assistant.TurnRole;
import org.dang.engine.json.Json;
import org.dang.engine.llm.backend.LlmSetup;
import org.dang.engine.store.ConversationTurn;

/**
 * The chat pane's state and actions over the engine's assistant: ask, cancel, ask again, clear the
 * conversation, approve or reject a proposal card. The signed-in user's conversation is restored from
 * the engine's memory when the pane opens. Replies stream into {@link Exchange}s; the view gets full
 * {@link ChatState} snapshots through {@link #publish}, which the mediator calls on the FX thread
 * after throttling. Nothing here blocks the FX thread: engine calls run on {@code background}.
 */
public final class ChatViewModel {

    /** Turns restored when the pane opens. */
    static final int RESTORED_TURNS = 200;

    private final CompletableFuture<LlmSetup> setup;
    private final Engine engine;
    private final User user;
    private final Executor background;
    private final ConversationMemory memory;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ChatState> state = new ReadOnlyObjectWrapper<>();
    private volatile Runnable changed = () -> { };
    private volatile Assistant assistant;
    private String notice = "";

    /**
     * A pane over {@code engine}'s assistant for {@code user}; {@code setup} completes when the model's
     * backends are built (off the FX thread: SDK clients take a moment).
     */
    public ChatViewModel(CompletableFuture<LlmSetup> setup, Engine engine, User user, Executor background) {
        this.setup = setup;
        this.engine = engine;
        this.user = user;
        this.background = background;
        this.memory = new ConversationMemory(engine.store(), InstantSource.system());
        state.set(snapshot());
        setup.whenComplete((s, e) -> {
            if (s != null) {
                s.model().ifPresent(m -> assistant = new Assistant(engine, m, memory, AssistantSettings.defaults(),
                        InstantSource.system()));
            }
            changed.run();
        });
        background.execute(this::restore);
    }

    /** Where changes are announced (the mediator's throttle); set once, before the first question. */
    public void onChange(Runnable request) {
        this.changed = request;
        request.run();
    }

    /** The state the view shows (FX thread). */
    public ReadOnlyObjectProperty<ChatState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Shows {@code s}; FX thread. */
    public void publish(ChatState s) {
        state.set(s);
    }

    private Optional<LlmSetup> built() {
        return setup.isDone() && !setup.isCompletedExceptionally() ? Optional.of(setup.join()) : Optional.empty();
    }

    /** Builds the snapshot; any thread. */
    public ChatState snapshot() {
        List<ExchangeView> views;
        boolean busy;
        String note;
        synchronized (this) {
            views = exchanges.stream().map(e -> e.view(this::open)).toList();
            busy = !exchanges.isEmpty() && !exchanges.getLast().ended();
            note = notice;
        }
        Optional<LlmSetup> s = built();
        boolean available = assistant != null;
        String model = !setup.isDone() ? "Connecting to the language model ..."
                : setup.isCompletedExceptionally() ? "The language model could not be set up: "
                        + setup.exceptionNow().getMessage() + ". The decision rules work without it."
                : s.get().model().map(m -> "Model: " + m.info().describe()).orElse(s.get().explain());
        if (available && !s.get().problems().isEmpty() && note.isEmpty()) {
            note = s.get().explain();
        }
        return new ChatState(views, available, model, busy, Action.ASK_ASSISTANT.allowedFor(user.role()),
                Action.ASK_ASSISTANT.denialReason(user.role()), Action.APPROVE_SETPOINT.allowedFor(user.role()),
                Action.APPROVE_SETPOINT.denialReason(user.role()), note);
    }

    private boolean open(String proposalId) {
        return engine.proposals().flatMap(d -> d.find(proposalId)).isPresent();
    }

    /** Asks {@code question}; ignored while a reply is coming. Any thread. */
    public void ask(String question) {
        String q = question.strip();
        Assistant a = assistant;
        if (q.isEmpty() || a == null) {
            return;
        }
        Exchange e;
        synchronized (this) {
            if (!exchanges.isEmpty() && !exchanges.getLast().ended()) {
                return;
            }
            e = new Exchange(q, () -> changed.run());
            exchanges.add(e);
            notice = "";
        }
        changed.run();
        e.handle(a.ask(user, q, e));
    }

    /** Cancels the reply that is coming, if any. Any thread. */
    public void cancel() {
        Exchange last;
        synchronized (this) {
            last = exchanges.isEmpty() ? null : exchanges.getLast();
        }
        if (last != null) {
            last.cancel();
        }
    }

    /** Asks the last question again (a new turn; the earlier reply stays in the conversation). Any thread. */
    public void regenerate() {
        String q;
        synchronized (this) {
            if (exchanges.isEmpty() || !exchanges.getLast().ended()) {
                return;
            }
            q = exchanges.getLast().question();
        }
        ask(q);
    }

    /** Forgets the signed-in user's conversation here and in the engine (audited). Any thread. */
    public void clear() {
        Assistant a = assistant;
        if (a == null) {
            return;
        }
        background.execute(() -> {
            try {
                a.clear(user);
                synchronized (this) {
                    exchanges.clear();
                    notice = "Conversation cleared.";
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    notice = "The conversation could not be cleared: " + e.getMessage();
                }
            }
            changed.run();
        });
    }

    /** Approves every moving row of proposal card {@code id} (role-checked, safety-checked, audited). Any thread. */
    public void approve(String id) {
        act(id, () -> "Approved: " + assistantOrFail().approve(user, id));
    }

    /** Rejects proposal card {@code id}. Any thread. */
    public void reject(String id) {
        act(id, () -> "Rejected: " + assistantOrFail().reject(user, id, "rejected in the chat"));
    }

    private Assistant assistantOrFail() {
        Assistant a = assistant;
        if (a == null) {
            throw new IllegalStateException("no language model is set up");
        }
        return a;
    }

    private void act(String id, Supplier<String> work) {
        Exchange holder;
        synchronized (this) {
            holder = exchanges.stream().filter(x -> x.hasCard(id)).reduce((x, y) -> y).orElse(null);
        }
        if (holder == null) {
            return;
        }
        background.execute(() -> {
            String text;
            try {
                text = work.get();
            } catch (RuntimeException e) {
                text = "Not done: " + e.getMessage();
            }
            holder.outcome(id, text);
        });
    }

    /** Rebuilds the exchanges from the engine's memory of this user's conversation. */
    private void restore() {
        List<Exchange> restored = new ArrayList<>();
        try {
            Exchange current = null;
            for (ConversationTurn t : memory.history(user.name(), RESTORED_TURNS)) {
                switch (TurnRole.valueOf(t.role())) {
                    case OPERATOR -> {
                        current = new Exchange(t.text(), () -> changed.run());
                        restored.add(current);
                    }
                    case TOOL -> {
                        if (current != null) {
                            JsonNode tool = t.toolJson() == null ? null : Json.mapper().readTree(t.toolJson());
                            current.restoredStep(t.text().replaceFirst("^(running|reading) ", ""),
                                    tool == null ? "COMPLETED" : tool.path("state").asText("COMPLETED"));
                        }
                    }
                    case ASSISTANT -> {
                        if (current != null) {
                            JsonNode tool = t.toolJson() == null ? null : Json.mapper().readTree(t.toolJson());
                            List<ProposalCard> cards = tool == null || !tool.has("proposals") ? List.of()
                                    : Json.mapper().convertValue(tool.get("proposals"),
                                            new TypeReference<List<ProposalCard>>() { });
                            current.restoredEnd(tool == null || "ANSWERED".equals(tool.path("status").asText()),
                                    t.text(), cards);
                            current = null;
                        }
                    }
                }
            }
            // A question whose answer never came (the console was closed mid-question) ends as such.
            if (current != null) {
                current.restoredEnd(false, "No answer was recorded for this question.", List.of());
            }
        } catch (Exception e) {
            synchronized (this) {
                notice = "The earlier conversation could not be restored: " + e.getMessage();
            }
        }
        synchronized (this) {
            exchanges.addAll(0, restored);
        }
        changed.run();
    }
}
