package org.dang.engine.advisor;

import java.util.List;
import java.util.UUID;

import org.dang.engine.store.StoredDecision;

/**
 * Told about the live engine's questions to the model. Calls come from the advisor threads and the
 * thread that asked; implementations must be quick (a view throttles and refreshes) and must not throw.
 */
public interface AdviceListener {

    /** A question is pending. */
    default void asked(PendingAdvice request) {
    }

    /** More reasoning or answer text came for a pending question ({@code AdviceDesk.pending()} has it). */
    default void streamed(UUID requestId) {
    }

    /** The model's decision stood; {@code decisions} are recorded and dispatched. */
    default void answered(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
    }

    /**
     * The rules decided instead ({@code advice.verdict().overrule()} says why: a timeout, a bad answer,
     * the engine shutting down); {@code decisions} are recorded and dispatched.
     */
    default void overruled(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
    }
}
