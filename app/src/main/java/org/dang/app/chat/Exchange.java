package org.dang.app.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.dang.engine.assistant.AssistantHandle;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ProposalCard;
import org.dang.engine.assistant.ReplyStatus;
import org.dang.engine.assistant.ToolStep;
import org.dang.engine.module.optimize.ProposedMove;

/**
 * One question and its reply: the listener side of the chat mediator while it streams (reasoning,
 * tool steps, answer), or a question restored from the engine's conversation memory. The view only
 * ever sees {@link #view} snapshots. Thread-safe.
 */
final class Exchange implements AssistantListener {

    private final String question;
    private final Runnable changed;
    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private final Map<Integer, StepView> steps = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<ProposalCard> cards = new ArrayList<>();
    private final Map<String, String> outcomes = new HashMap<>();
    private int reasoningPieces;
    private boolean ended;
    private String footer = "";
    private String error;
    private AssistantHandle handle;
    private boolean cancelRequested;

    /** An exchange for {@code question}; {@code changed} requests a refresh (the throttle). */
    Exchange(String question, Runnable changed) {
        this.question = question;
        this.changed = changed;
    }

    String question() {
        return question;
    }

    /** The running question's handle; a Cancel pressed before it arrived takes effect now. */
    void handle(AssistantHandle h) {
        boolean cancel;
        synchronized (this) {
            handle = h;
            cancel = cancelRequested;
        }
        if (cancel) {
            h.cancel();
        }
    }

    /** Cancels the reply if it is still coming (at once, or as soon as the engine has taken the question). */
    void cancel() {
        AssistantHandle h;
        synchronized (this) {
            h = handle;
            cancelRequested = true;
        }
        if (h != null) {
            h.cancel();
        }
    }

    @Override
    public void thinking(String text) {
        synchronized (this) {
            reasoning.append(text);
            reasoningPieces++;
        }
        changed.run();
    }

    @Override
    public void answer(String text) {
        synchronized (this) {
            answer.append(text);
        }
        changed.run();
    }

    @Override
    public void step(ToolStep s) {
        synchronized (this) {
            steps.put(s.number(), stepView(s.label(), s.state().name(), s.summary()));
        }
        changed.run();
    }

    @Override
    public void note(String text) {
        synchronized (this) {
            notes.add(text);
        }
        changed.run();
    }

    @Override
    public void completed(AssistantReply r) {
        synchronized (this) {
            ended = true;
            reasoning.setLength(0);
            reasoning.append(r.reasoning());
            answer.setLength(0);
            answer.append(r.answer());
            cards.clear();
            cards.addAll(r.proposals());
            footer = r.footer();
            error = r.status() == ReplyStatus.ANSWERED ? null : r.message();
        }
        changed.run();
    }

    /** A restored tool step. */
    synchronized void restoredStep(String text, String state) {
        steps.put(steps.size() + 1, new StepView(text, state));
    }

    /** The restored end: the answer, or the engine's message, and the cards. */
    synchronized void restoredEnd(boolean answered, String text, List<ProposalCard> restored) {
        ended = true;
        if (answered) {
            answer.append(text);
        } else {
            error = text;
        }
        cards.addAll(restored);
    }

    /** The question could not even start. */
    void failed(String why) {
        synchronized (this) {
            ended = true;
            error = why;
        }
        changed.run();
    }

    /** What happened to card {@code id} from this console. */
    void outcome(String id, String text) {
        synchronized (this) {
            outcomes.put(id, text);
        }
        changed.run();
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized boolean hasCard(String id) {
        return card(id).isPresent();
    }

    synchronized Optional<ProposalCard> card(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    synchronized List<String> cardIds() {
        return cards.stream().map(ProposalCard::id).toList();
    }

    /** The snapshot; {@code open} says which proposals the desk still holds. */
    synchronized ExchangeView view(Predicate<String> open) {
        List<CardView> cv = cards.stream().map(c -> new CardView(c.id(), c.summary(),
                c.moves().stream().map(Exchange::move).toList(), c.notes(), c.approvable() && open.test(c.id()),
                outcomes.getOrDefault(c.id(), c.approvable() && !open.test(c.id())
                        ? "Closed: approved, rejected or replaced by newer proposals." : ""))).toList();
        return new ExchangeView(question, reasoning.toString().strip(), reasoningPieces, List.copyOf(steps.values()),
                notes, answer.toString().strip(), cv, !ended, ended ? footer : "", Optional.ofNullable(error));
    }

    static StepView stepView(String label, String state, String summary) {
        String text = switch (state) {
            case "RUNNING" -> label + " ...";
            default -> label.replaceFirst("^running ", "").replaceFirst("^reading ", "") + ": " + summary;
        };
        return new StepView(text, state);
    }

    private static String move(ProposedMove m) {
        return String.format(Locale.ROOT, "%s %.2f -> %.2f %s", m.setpoint(), m.current(), m.proposed(), m.unit());
    }
}
