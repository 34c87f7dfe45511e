package org.dang.engine.client;

import java.util.List;
import java.util.Optional;

import org.dang.engine.advisor.PendingAdvice;

/** The engine's decision advisor as the console sees it: the questions waiting for the model, and asking one. */
public interface AdvisorQuestions {

    /** The questions waiting for the model, oldest first; empty without a model. */
    List<PendingAdvice> pending();

    /** Why the advisor cannot be asked (no model, advisor off); empty when it can. Call off the UI thread. */
    Optional<String> unavailable();

    /**
     * Asks about the live unit now as the connection's user (audited by the engine); returns at once with
     * the pending question, the answer comes as decisions.
     *
     * @throws org.dang.engine.access.AccessDeniedException for a viewer
     * @throws IllegalStateException    when the advisor takes no question now (no model, off, full, no live data)
     * @throws IllegalArgumentException for an empty question
     */
    PendingAdvice ask(String question);

    /** Calls {@code changed} (on any thread) when questions are asked, stream reasoning, or are answered. */
    Subscription watch(Runnable changed);
}
