package org.dang.engine.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * Optimisation proposals for the signed-in user: ask for one, list the open ones, approve selected
 * rows or reject with a reason. The engine's proposal desk checks the role, re-checks the rows with the
 * safety layer and audits; a proposal closed from one console is closed for every console and the API.
 */
public interface ProposalQueue {

    /** Whether the engine has a unit that takes setpoint moves (else nothing can be proposed). */
    boolean available();

    /** Why proposals are unavailable, for the view; empty when they are available. */
    String unavailableReason();

    /** The open proposals, newest first. */
    List<OptimizationProposal> open();

    /** Runs the optimisation module now (fresh, not from the cache). */
    CompletableFuture<OptimizationProposal> propose();

    /** Approves the rows {@code selected} of proposal {@code id}; returns what was applied. */
    String approve(String id, Set<String> selected);

    /** Rejects proposal {@code id} for {@code reason}. */
    String reject(String id, String reason);

    /** Tells {@code watcher} (on any thread) about optimisation runs, the engine's own included. */
    Subscription watch(ProposalWatcher watcher);
}
