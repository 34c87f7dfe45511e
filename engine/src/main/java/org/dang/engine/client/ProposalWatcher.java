package org.dang.engine.client;

import org.dang.engine.module.optimize.OptimizationProposal;

/** What the optimisation view hears about the optimisation module's runs. */
public interface ProposalWatcher {

    /** A run finished with {@code proposal}. */
    void proposed(OptimizationProposal proposal);

    /** A run reports progress. */
    void working(String message);

    /** A run failed with {@code cause}. */
    void failed(String cause);
}
