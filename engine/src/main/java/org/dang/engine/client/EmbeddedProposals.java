package org.dang.engine.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.coordinator.SubmitOptions;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.module.optimize.OptimizationProposal;
import org.dang.engine.module.optimize.OptimizationRequest;
import org.dang.engine.module.optimize.ProposalDesk;

/** Optimisation proposals of an engine in this process: its coordinator and its proposal desk. */
final class EmbeddedProposals implements ProposalQueue {

    static final String NO_DESK = "Optimisation needs a plant that takes setpoint moves: start the console with"
            + " --source simulator.";

    private final Engine engine;
    private final User user;
    private final List<Subscription> owned;

    EmbeddedProposals(Engine engine, User user, List<Subscription> owned) {
        this.engine = engine;
        this.user = user;
        this.owned = owned;
    }

    @Override
    public boolean available() {
        return engine.proposals().isPresent();
    }

    @Override
    public String unavailableReason() {
        return available() ? "" : NO_DESK;
    }

    @Override
    public List<OptimizationProposal> open() {
        return engine.proposals().map(ProposalDesk::openProposals).orElse(List.of());
    }

    @Override
    public CompletableFuture<OptimizationProposal> propose() {
        ModuleRun<OptimizationProposal> run = engine.modules().submit(OptimizationRequest.standard(),
                WorkPriority.OPERATOR_REQUEST, SubmitOptions.BYPASS_CACHE);
        // On the desk before the caller sees it (the desk's own copy comes from events on another thread).
        return run.result().thenApply(p -> {
            engine.proposals().ifPresent(d -> d.offer(p));
            return p;
        });
    }

    @Override
    public String approve(String id, Set<String> selected) {
        return desk().approve(user, id, selected);
    }

    @Override
    public String reject(String id, String reason) {
        return desk().reject(user, id, reason);
    }

    private ProposalDesk desk() {
        return engine.proposals().orElseThrow(() -> new IllegalStateException(NO_DESK));
    }

    @Override
    public Subscription watch(ProposalWatcher watcher) {
        ModuleRunListener l = event -> {
            if (event.module() != ModuleName.OPTIMIZATION) {
                return;
            }
            switch (event) {
                case ModuleRunEvent.Succeeded s when s.result() instanceof OptimizationProposal p -> watcher.proposed(p);
                case ModuleRunEvent.Progress p -> watcher.working("Optimisation: " + p.message());
                case ModuleRunEvent.Failed f -> watcher.failed(f.cause());
                default -> {
                    // Queued, started, retrying, cancelled: the propose button's own state covers them.
                }
            }
        };
        engine.modules().addListener(l);
        Subscription s = () -> engine.modules().removeListener(l);
        owned.add(s);
        return s;
    }
}
