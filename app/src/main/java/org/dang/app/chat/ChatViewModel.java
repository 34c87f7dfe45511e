package org.dang.app.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.backend.ChatModelFactory;
import org.dang.engine.llm.backend.LlmSetup;

/**
 * The chat pane's state and actions: ask, cancel, regenerate over the engine's chat model. Every
 * question and its answer are one audited ASK_ASSISTANT action. Replies stream into {@link Exchange}s;
 * the view gets full {@link ChatState} snapshots through {@link #publish}, which the mediator calls
 * on the FX thread after throttling.
 */
public final class ChatViewModel {

    /** Audit details keep this much of a question or answer. */
    private static final int AUDIT_TEXT = 500;

    private final CompletableFuture<LlmSetup> setup;
    private final LlmConfig config;
    private final User user;
    private final AuditedActions actions;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ChatState> state = new ReadOnlyObjectWrapper<>();
    private volatile Runnable changed = () -> { };
    private String notice = "";

    /**
     * A pane over the engine's model, configured by {@code config}, for {@code user}; {@code setup}
     * completes when the backends are built (off the FX thread: SDK clients take a moment).
     */
    public ChatViewModel(CompletableFuture<LlmSetup> setup, LlmConfig config, User user, AuditedActions actions) {
        this.setup = setup;
        this.config = config;
        this.user = user;
        this.actions = actions;
        state.set(snapshot());
        setup.whenComplete((s, e) -> changed.run());
    }

    /** Where changes are announced (the mediator's throttle); set once, before the first question. */
    public void onChange(Runnable request) {
        this.changed = request;
        if (setup.isDone()) {
            request.run();
        }
    }

    /** The setup once built; while building, no model (and the model line says it is connecting). */
    private Optional<LlmSetup> built() {
        return setup.isDone() && !setup.isCompletedExceptionally() ? Optional.of(setup.join()) : Optional.empty();
    }

    /** The state the view shows (FX thread). */
    public ReadOnlyObjectProperty<ChatState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Shows {@code s}; FX thread. */
    public void publish(ChatState s) {
        state.set(s);
    }

    /** Builds the snapshot; any thread. */
    public ChatState snapshot() {
        List<ExchangeView> views;
        boolean busy;
        String note;
        synchronized (this) {
            views = exchanges.stream().map(Exchange::view).toList();
            busy = !exchanges.isEmpty() && !exchanges.getLast().ended();
            note = notice;
        }
        Optional<LlmSetup> s = built();
        boolean available = s.flatMap(LlmSetup::model).isPresent();
        String model = !setup.isDone() ? "Connecting to the language model ..."
                : setup.isCompletedExceptionally() ? "The language model could not be set up: "
                        + setup.exceptionNow().getMessage() + ". The decision rules work without it."
                : s.get().model().map(m -> "Model: " + m.info().describe()).orElse(s.get().explain());
        if (available && !s.get().problems().isEmpty() && note.isEmpty()) {
            note = s.get().explain();
        }
        return new ChatState(views, available, model, busy, Action.ASK_ASSISTANT.allowedFor(user.role()),
                Action.ASK_ASSISTANT.denialReason(user.role()), note);
    }

    /** Asks {@code question} after the conversation so far; ignored while a reply streams. Any thread. */
    public void ask(String question) {
        String q = question.strip();
        Optional<ChatModel> model = built().flatMap(LlmSetup::model);
        if (q.isEmpty() || model.isEmpty()) {
            return;
        }
        Exchange e;
        List<ChatMessage> conversation = new ArrayList<>();
        synchronized (this) {
            if (!exchanges.isEmpty() && !exchanges.getLast().ended()) {
                return;
            }
            for (Exchange earlier : exchanges) {
                Optional<ChatResult> r = earlier.result();
                if (r.isPresent() && r.get().finish().answered()) {
                    conversation.add(ChatMessage.user(earlier.question()));
                    conversation.add(r.get().asMessage());
                }
            }
            conversation.add(ChatMessage.user(q));
            e = new Exchange(q, () -> changed.run());
            exchanges.add(e);
            notice = "";
        }
        changed.run();
        // The whole reply is one audited action, so the audit row holds the question and the answer.
        Thread.ofVirtual().name("chat-ask").start(() -> {
            try {
                actions.perform(user, Action.ASK_ASSISTANT, model.get().info().describe(), () -> {
                    var handle = model.get().stream(ChatModelFactory.request(config, Optional.empty(), conversation), e);
                    e.handle(handle);
                    ChatResult r = handle.await();
                    return "question: " + cut(q) + " | answer (" + r.summary() + "): "
                            + cut(r.answer().isEmpty() ? r.error().orElse("") : r.answer());
                });
            } catch (AccessDeniedException denied) {
                e.failed(denied.getMessage());
            } catch (RuntimeException failed) {
                // The store could not record the audit row; the reply itself is shown as it ended.
                synchronized (this) {
                    notice = "The question was not recorded in the audit trail: " + failed.getMessage();
                }
                changed.run();
            }
        });
    }

    /** Cancels the reply that is streaming, if any. Any thread. */
    public void cancel() {
        Exchange last;
        synchronized (this) {
            last = exchanges.isEmpty() ? null : exchanges.getLast();
        }
        if (last != null) {
            last.cancel();
        }
    }

    /** Asks the last question again, replacing its reply. Any thread. */
    public void regenerate() {
        String q;
        synchronized (this) {
            if (exchanges.isEmpty() || !exchanges.getLast().ended()) {
                return;
            }
            q = exchanges.removeLast().question();
        }
        ask(q);
    }

    private static String cut(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= AUDIT_TEXT ? one : one.substring(0, AUDIT_TEXT - 3) + "...";
    }
}
