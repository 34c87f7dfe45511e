package org.dang.engine.advisor;

import java.util.List;
import java.util.Optional;

import org.dang.engine.decision.Decision;

/**
 * The decisions of one cycle, with the advice behind them when the model was asked.
 *
 * @param decisions the decisions to act on and record
 * @param ambiguity why the model was (or would have been) asked; empty when the rules were clear
 * @param advice    the question and the verdict; empty when the model was not asked
 */
public record AdvisedDecisions(List<Decision> decisions, Ambiguity ambiguity, Optional<Advice> advice) {
    public AdvisedDecisions {
        decisions = List.copyOf(decisions);
    }
}
