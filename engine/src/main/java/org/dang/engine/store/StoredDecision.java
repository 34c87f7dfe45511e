package org.dang.engine.store;

import java.util.Optional;

import org.dang.engine.decision.Decision;

/**
 * A decision as the store holds it: its place in the chain and its latest outcome.
 *
 * @param seq           position in the chain, from 1
 * @param decision      the decision
 * @param situationHash SHA-256 of the situation it was made from (see {@link DecisionStore#situationJson})
 * @param prevHash      hash of the previous row (64 zeros for the first)
 * @param hash          this row's chain hash
 * @param outcome       latest outcome, if any
 */
public record StoredDecision(long seq, Decision decision, String situationHash, String prevHash, String hash,
                             Optional<DecisionOutcome> outcome) {
}
