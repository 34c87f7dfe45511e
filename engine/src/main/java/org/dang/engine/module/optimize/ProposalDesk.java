package org.dang.engine.module.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;

/**
 * The unit's open optimisation proposals by id, and the one place they are approved or rejected:
 * it keeps the latest {@value #KEPT} proposals of any optimisation run (a decision's, the console's,
 * the API's) and closes each at most once, so two workstations cannot both approve the same
 * proposal. Approvals go through {@link SetpointApprovals} (role check, safety re-check, audit).
 */
public final class ProposalDesk implements ModuleRunListener {

    /** How many proposals are kept open; older ones are dropped (the unit has moved on since). */
    public static final int KEPT = 16;
    /** How many closed ids are remembered, to answer "already approved" rather than "unknown". */
    private static final int REMEMBERED = 256;

    private final SetpointApprovals approvals;
    private final AuditedActions actions;
    private final LinkedHashMap<String, OptimizationProposal> open = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> closed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** A desk approving through {@code approvals}; {@code actions} audits attempts on unknown or closed ids. */
    public ProposalDesk(SetpointApprovals approvals, AuditedActions actions) {
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /** The approvals behind this desk. */
    public SetpointApprovals approvals() {
        return approvals;
    }

    @Override
    public void onEvent(ModuleRunEvent event) {
        if (event instanceof ModuleRunEvent.Succeeded s && s.result() instanceof OptimizationProposal p) {
            offer(p);
        }
    }

    /** Keeps {@code p} open unless it was already closed (a cached run hands the same proposal back). */
    public synchronized void offer(OptimizationProposal p) {
        if (closed.containsKey(p.id())) {
            return;
        }
        open.remove(p.id());
        open.put(p.id(), p);
        while (open.size() > KEPT) {
            open.remove(open.firstEntry().getKey());
        }
    }

    /** The open proposal {@code id}, if kept. */
    public synchronized Optional<OptimizationProposal> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    /** The open proposals, newest first. */
    public synchronized List<OptimizationProposal> openProposals() {
        List<OptimizationProposal> out = new ArrayList<>(open.values());
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Approves the {@code selected} rows of open proposal {@code id}; returns the audit detail. Every
     * attempt is role-checked and audited.
     *
     * @throws org.dang.engine.access.AccessDeniedException for a viewer
     * @throws NoSuchElementException                       when no proposal {@code id} is known
     * @throws ProposalClosedException                      when it was already approved or rejected
     * @throws IllegalArgumentException                     when no moving row is selected or a name is not a row
     * @throws IllegalStateException                        when the safety layer refuses the selection now
     */
    public synchronized String approve(User user, String id, Set<String> selected) {
        OptimizationProposal p = openOrFail(user, Action.APPROVE_SETPOINT, id);
        String detail = approvals.approve(user, p, selected);
        close(id, "approved by " + user.name());
        return detail;
    }

    /** Rejects open proposal {@code id} with {@code reason}; the same checks and exceptions as {@link #approve}. */
    public synchronized String reject(User user, String id, String reason) {
        OptimizationProposal p = openOrFail(user, Action.REJECT_SETPOINT, id);
        String detail = approvals.reject(user, p, reason);
        close(id, "rejected by " + user.name());
        return detail;
    }

    private OptimizationProposal openOrFail(User user, Action action, String id) {
        OptimizationProposal p = open.get(id);
        if (p != null) {
            return p;
        }
        String was = closed.get(id);
        Supplier<String> fail = was != null
                ? () -> {
                    throw new ProposalClosedException("proposal " + id + " is closed: " + was);
                }
                : () -> {
                    throw new NoSuchElementException("no open proposal " + id + "; open: "
                            + (open.isEmpty() ? "none" : String.join(", ", open.sequencedKeySet().reversed())));
                };
        // Role first (a viewer is DENIED whatever the id), and the failed attempt is audited.
        actions.perform(user, action, "optimisation proposal " + id, fail);
        throw new IllegalStateException("unreachable");
    }

    private void close(String id, String how) {
        open.remove(id);
        closed.put(id, how);
    }
}
