package org.dang.engine.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.StoredDecision;

/** The engine's decision log as the console reads it: pages of history, a decision's inputs, new decisions. */
public interface DecisionHistory {

    /** One page of decisions matching {@code query}, newest first. */
    DecisionPage page(DecisionQuery query);

    /** Every decision matching {@code query} (for export), newest first. */
    List<StoredDecision> all(DecisionQuery query);

    /** The stored situation (the decision's inputs) by its hash, as JSON. */
    Optional<String> situationJson(String situationHash);

    /** The language model's advice behind a model-assisted decision; empty for the rules' own decisions. */
    Optional<AdviceRecord> adviceFor(UUID decisionId);

    /** Calls {@code changed} (on any thread) whenever decisions are recorded. */
    Subscription watch(Runnable changed);
}
