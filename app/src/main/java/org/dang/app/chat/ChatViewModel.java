package org.dang.app.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.assistant.AssistantHandle;
import org.dang.engine.assistant.ProposalCard;
import org.dang.engine.assistant.TurnRole;
import org.dang.engine.client.ChatModelState;
import org.dang.engine.client.OperatorChat;
import org.dang.engine.client.ProposalQueue;
import org.dang.engine.json.Json;
import org.dang.engine.module.optimize.OptimizationProposal;
import org.dang.engine.module.optimize.ProposedMove;
import org.dang.engine.store.ConversationTurn;

/**
 * The chat pane's state and actions over the connection's {@link OperatorChat} (the engine in this
 * process or a remote one behind dang serve): ask, cancel, ask again, clear the conversation, approve or
 * reject a proposal card on the connection's {@link ProposalQueue}. The signed-in user's conversation
 * is restored from the engine's memory when the pane opens. Replies stream into {@link Exchange}s; the
 * view gets full {@link ChatState} snapshots through {@link #publish}, which the mediator calls on the
 * FX thread after throttling. Nothing here blocks the FX thread: engine calls run on {@code background}.
 */
public final class ChatViewModel {

    /** Turns restored when the pane opens. */
    static final int RESTORED_TURNS = 200;

    private final OperatorChat chat;
    private final ProposalQueue proposals;
    private final CompletableFuture<ChatModelState> model;
    private final User user;
    private final Executor background;
    private final List<Exchange> exchanges = new ArrayList<>();
    /** Cards the engine's desk no longer holds (approved, rejected, replaced), as last asked. */
    private final Set<String> closed = new HashSet<>();
    private final ReadOnlyObjectWrapper<ChatState> state = new ReadOnlyObjectWrapper<>();
    private volatile Runnable changed = () -> { };
    private String notice = "";

    /**
     * A pane over {@code chat} for the connection's {@code user}, approving and rejecting cards on
     * {@code proposals}; the model's state is asked for at once (building backends takes a moment).
     */
    public ChatViewModel(OperatorChat chat, ProposalQueue proposals, User user, Executor background) {
        this.chat = chat;
        this.proposals = proposals;
        this.user = user;
        this.background = background;
        this.model = chat.model();
        state.set(snapshot());
        model.whenComplete((s, e) -> changed.run());
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

    private Optional<ChatModelState> known() {
        return model.isDone() && !model.isCompletedExceptionally() ? Optional.of(model.join()) : Optional.empty();
    }

    /** Builds the snapshot; any thread. */
    public ChatState snapshot() {
        List<ExchangeView> views;
        boolean busy;
        String note;
        synchronized (this) {
            views = exchanges.stream().map(e -> e.view(id -> !closed.contains(id))).toList();
            busy = !exchanges.isEmpty() && !exchanges.getLast().ended();
            note = notice;
        }
        // One look at the future: it may complete between two checks.
        Optional<ChatModelState> s = known();
        boolean failed = s.isEmpty() && model.isCompletedExceptionally();
        boolean available = s.map(ChatModelState::available).orElse(false);
        String line = failed ? "The language model could not be reached: " + model.exceptionNow().getMessage()
                + ". The decision rules work without it."
                : s.map(m -> m.model().map(id -> "Model: " + id).orElse(m.explain()))
                        .orElse("Connecting to the language model ...");
        if (available && !s.get().explain().isEmpty() && note.isEmpty()) {
            note = s.get().explain();
        }
        return new ChatState(views, available, line, busy, Action.ASK_ASSISTANT.allowedFor(user.role()),
                Action.ASK_ASSISTANT.denialReason(user.role()), Action.APPROVE_SETPOINT.allowedFor(user.role()),
                Action.APPROVE_SETPOINT.denialReason(user.role()), note);
    }

    private boolean available() {
        return known().map(ChatModelState::available).orElse(false);
    }

    /**
     * Asks the engine's desk which of the conversation's cards are still open (after a reply with cards, an
     * approval here, a new proposal anywhere); an unreachable engine leaves them as they were. Any thread.
     */
    public void refreshCards() {
        background.execute(() -> {
            if (checkCards()) {
                changed.run();
            }
        });
    }

    /** Updates {@link #closed} from the desk; true when it could ask. Background thread. */
    private boolean checkCards() {
        Set<String> ids = new HashSet<>();
        synchronized (this) {
            exchanges.forEach(e -> ids.addAll(e.cardIds()));
        }
        if (ids.isEmpty()) {
            return false;
        }
        Set<String> open;
        try {
            open = proposals.open().stream().map(OptimizationProposal::id).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return false;
        }
        ids.removeAll(open);
        synchronized (this) {
            closed.addAll(ids);
        }
        return true;
    }

    /** Asks {@code question}; ignored while a reply is coming. Any thread. */
    public void ask(String question) {
        String q = question.strip();
        if (q.isEmpty() || !available()) {
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
        AssistantHandle h = chat.ask(q, e);
        e.handle(h);
        h.result().thenAccept(r -> {
            if (!r.proposals().isEmpty()) {
                refreshCards();
            }
        });
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
        if (!available()) {
            return;
        }
        background.execute(() -> {
            try {
                chat.clear();
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
        act(id, card -> "Approved: " + proposals.approve(id, card.moves().stream().map(ProposedMove::setpoint)
                .collect(Collectors.toSet())));
    }

    /** Rejects proposal card {@code id}. Any thread. */
    public void reject(String id) {
        act(id, card -> "Rejected: " + proposals.reject(id, "rejected in the chat"));
    }

    private void act(String id, Function<ProposalCard, String> work) {
        Exchange holder;
        synchronized (this) {
            holder = exchanges.stream().filter(x -> x.hasCard(id)).reduce((x, y) -> y).orElse(null);
        }
        if (holder == null) {
            return;
        }
        ProposalCard card = holder.card(id).orElseThrow();
        background.execute(() -> {
            String text;
            try {
                text = work.apply(card);
            } catch (RuntimeException e) {
                text = "Not done: " + e.getMessage();
            }
            holder.outcome(id, text);
            refreshCards();
        });
    }

    /** Rebuilds the exchanges from the engine's memory of this user's conversation. */
    private void restore() {
        List<Exchange> restored = new ArrayList<>();
        try {
            Exchange current = null;
            for (ConversationTurn t : chat.history(RESTORED_TURNS)) {
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
        checkCards();
        changed.run();
    }
}
