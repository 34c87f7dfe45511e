package org.dang.engine;

import java.util.List;

import org.dang.engine.store.StoredDecision;

/**
 * Told about decisions once they are durably recorded; called on the thread that recorded them (the
 * plant thread, an API request, or an {@code advisor-N} thread for a cycle that waited for the model).
 */
@FunctionalInterface
public interface DecisionListener {
    /** The decisions recorded for one situation. */
    void recorded(List<StoredDecision> decisions);
}
