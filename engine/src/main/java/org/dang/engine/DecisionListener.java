package org.dang.engine;

import java.util.List;

import org.dang.engine.store.StoredDecision;

/** Told about decisions once they are durably recorded; called on the engine's thread. */
@FunctionalInterface
public interface DecisionListener {
    /** The decisions recorded for one situation. */
    void recorded(List<StoredDecision> decisions);
}
