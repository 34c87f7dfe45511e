package org.dang.app.chat;

import java.util.Optional;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatResult;

/**
 * One question and its reply while it streams: the listener side of the chat mediator. Pieces are
 * appended here from the backend's thread and the view is asked for a throttled refresh; the view
 * only ever sees {@link #view()} snapshots. Thread-safe.
 */
final class Exchange implements ChatListener {

    private final String question;
    private final Runnable changed;
    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private int reasoningPieces;
    private ChatResult result;
    private ChatHandle handle;
    private String failure;

    /** An exchange for {@code question}; {@code changed} requests a refresh (the throttle). */
    Exchange(String question, Runnable changed) {
        this.question = question;
        this.changed = changed;
    }

    String question() {
        return question;
    }

    synchronized void handle(ChatHandle h) {
        handle = h;
    }

    /** Cancels the reply if it is still coming. */
    void cancel() {
        ChatHandle h;
        synchronized (this) {
            h = handle;
        }
        if (h != null) {
            h.cancel();
        }
    }

    @Override
    public void reasoning(String text) {
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
    public void completed(ChatResult r) {
        synchronized (this) {
            result = r;
        }
        changed.run();
    }

    /** The reply could not even start (e.g. the role may not ask). */
    void failed(String why) {
        synchronized (this) {
            failure = why;
        }
        changed.run();
    }

    synchronized boolean ended() {
        return result != null || failure != null;
    }

    synchronized Optional<ChatResult> result() {
        return Optional.ofNullable(result);
    }

    /** The snapshot; once ended, the final texts of the result replace what streamed. */
    synchronized ExchangeView view() {
        if (failure != null) {
            return new ExchangeView(question, "", 0, "", false, "", Optional.of(failure));
        }
        if (result == null) {
            return new ExchangeView(question, reasoning.toString().strip(), reasoningPieces, answer.toString().strip(),
                    true, "", Optional.empty());
        }
        Optional<String> error = switch (result.finish()) {
            case STOP -> Optional.empty();
            case LENGTH -> Optional.of("The answer reached its token budget (orchestrator.llm.answer_budget).");
            case THINKING_BUDGET -> Optional.of("The model used its whole thinking budget before answering"
                    + " (orchestrator.llm.thinking_budget).");
            case CANCELLED -> Optional.of("Cancelled.");
            case ERROR -> Optional.of("The model failed: " + result.error().orElse("no reason given"));
            case UNAVAILABLE -> Optional.of("No model answered: " + result.error().orElse("no backend available")
                    + ". The decision rules work on without it.");
        };
        return new ExchangeView(question, result.reasoning(), result.usage().reasoningTokens(), result.answer(), false,
                result.summary(), error);
    }
}
