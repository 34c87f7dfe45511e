package org.dang.app.advisor;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.advisor.PendingAdvice;

/**
 * State of the advisor panel: the questions waiting for the model (with the reasoning streaming in
 * and the time left), and the operator's "ask the advisor". Engine calls run on the background
 * executor; each refresh lands on the FX thread as one complete {@link AdvisorState}.
 */
public final class AdvisorViewModel {

    private final Supplier<List<PendingAdvice>> pending;
    private final Supplier<Optional<String>> unavailable;
    private final BiFunction<User, String, PendingAdvice> consult;
    private final User user;
    private final ExecutorService background;
    private final InstantSource clock;
    private final ReadOnlyObjectWrapper<AdvisorState> state = new ReadOnlyObjectWrapper<>(AdvisorState.initial());
    private final StringProperty question = new SimpleStringProperty("");
    /** Why the advisor cannot be asked, once known (building the model's client may take a moment). */
    private volatile Optional<String> why;
    private volatile String message = "";
    private volatile boolean anyPending;

    /**
     * @param pending     the engine's pending questions ({@code AdvisorQuestions::pending})
     * @param unavailable why the advisor cannot be asked ({@code AdvisorQuestions::unavailable}); called off the FX thread
     * @param consult     asks on behalf of a user ({@code AdvisorQuestions::ask}); audited by the engine
     */
    public AdvisorViewModel(Supplier<List<PendingAdvice>> pending, Supplier<Optional<String>> unavailable,
                            BiFunction<User, String, PendingAdvice> consult, User user, ExecutorService background,
                            InstantSource clock) {
        this.pending = pending;
        this.unavailable = unavailable;
        this.consult = consult;
        this.user = user;
        this.background = background;
        this.clock = clock;
    }

    /** Rebuilds the state off the FX thread and applies it in one go (any thread). */
    public void refresh() {
        background.execute(this::publish);
    }

    /** Sends the question in the text field (FX thread); the answer arrives through the engine's listeners. */
    public void ask() {
        String text = question.get();
        background.execute(() -> {
            try {
                PendingAdvice p = consult.apply(user, text);
                message = "Asked at " + p.askedAt() + "; the rules decide if there is no answer by " + p.deadline()
                        + ".";
                Platform.runLater(() -> question.set(""));
            } catch (RuntimeException e) {
                message = "Not asked: " + e.getMessage();
            }
            publish();
        });
    }

    /** Whether the last state had questions waiting (the mediator then ticks the progress bars). */
    public boolean anyPending() {
        return anyPending;
    }

    private void publish() {
        AdvisorState s = build();
        anyPending = !s.pending().isEmpty();
        Platform.runLater(() -> state.set(s));
    }

    private AdvisorState build() {
        Optional<String> reason = why;
        if (reason == null) {
            reason = unavailable.get();
            why = reason;
        }
        Instant now = clock.instant();
        List<PendingRow> rows = pending.get().stream().map(p -> row(p, now)).toList();
        boolean available = reason.isEmpty();
        String denied = !Action.ASK_ADVISOR.allowedFor(user.role()) ? Action.ASK_ADVISOR.denialReason(user.role())
                : reason.orElse("");
        String availability = reason.orElse(rows.isEmpty() ? "No question is waiting for the model."
                : rows.size() + (rows.size() == 1 ? " question is" : " questions are") + " waiting for the model;"
                + " the rules decide alone at the deadline.");
        return new AdvisorState(rows, available, availability, denied.isEmpty(), denied, message);
    }

    static PendingRow row(PendingAdvice p, Instant now) {
        String who = p.operatorAsked() ? "Asked by " + p.askedBy() : "Asked by the rules";
        String because = p.askedBecause().isEmpty() ? "" : ": " + p.askedBecause().stream()
                .map(r -> r.contains(":") ? r.substring(0, r.indexOf(':')) : r).distinct()
                .collect(Collectors.joining(", "));
        String held = p.held().isEmpty() ? "nothing else (alerts and safety work already went)"
                : p.held().stream().map(d -> d.action() + (d.module() == null ? "" : " " + d.module().key()))
                .collect(Collectors.joining(", "));
        long used = Math.max(0, Duration.between(p.askedAt(), now).toSeconds());
        long total = Duration.between(p.askedAt(), p.deadline()).toSeconds();
        return new PendingRow(p.id().toString(), who + because + " (situation " + p.situationId() + ")",
                p.operatorText(), "Waiting: " + held, p.elapsedFraction(now), Math.min(used, total) + " s of "
                + total + " s", p.reasoning());
    }

    /** The panel's state. */
    public ReadOnlyObjectProperty<AdvisorState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The operator's question being written. */
    public StringProperty questionProperty() {
        return question;
    }
}
