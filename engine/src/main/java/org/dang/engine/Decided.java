package org.dang.engine;

import java.util.List;
import java.util.Optional;

import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.store.StoredDecision;

/**
 * What {@link Engine#decideWithAdvice} did with a situation: the decisions recorded before it returned,
 * and the question to the model that holds the rest, if any.
 *
 * @param recorded decisions recorded (and dispatched) now; without a pending question, all of them
 * @param pending  the question whose answer decides the rest of the cycle; empty when nothing waits
 */
public record Decided(List<StoredDecision> recorded, Optional<PendingAdvice> pending) {
    public Decided {
        recorded = List.copyOf(recorded);
    }
}
