package org.dang.engine.module.optimize;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.module.optimize.safety.SafeMove;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.module.optimize.safety.SafetyVerdict;
import org.dang.engine.plant.sim.Setpoints;

/**
 * The operator's side of a proposal: approve the selected rows or reject it, each role-checked and
 * audited. An approval re-checks the selected rows with the safety layer against the conditions
 * at that moment (a subset of a safe move need not be safe, and the unit has moved on since the
 * proposal), and only what passes reaches the plant, as an approved move.
 */
public final class SetpointApprovals {

    private final SetpointPlant plant;
    private final SafetyLayer safety;
    private final AuditedActions actions;
    private final InstantSource clock;

    /** Approvals for {@code plant} through {@code safety}, audited by {@code actions}. */
    public SetpointApprovals(SetpointPlant plant, SafetyLayer safety, AuditedActions actions, InstantSource clock) {
        this.plant = Objects.requireNonNull(plant, "plant");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Approves the rows of {@code proposal} named in {@code selected} and sends the checked move to
     * the plant; returns the audit detail.
     *
     * @throws org.dang.engine.access.AccessDeniedException for a viewer (audited as DENIED)
     * @throws IllegalArgumentException when no moving row is selected or a name is not a row (audited as FAILED)
     * @throws IllegalStateException when the safety layer refuses the selection now (audited as FAILED, with its reason)
     */
    public String approve(User user, OptimizationProposal proposal, Set<String> selected) {
        return actions.perform(user, Action.APPROVE_SETPOINT, "optimisation proposal " + proposal.id(), () -> {
            List<String> names = SetpointSpace.names();
            for (String s : selected) {
                if (!names.contains(s)) {
                    throw new IllegalArgumentException("'" + s + "' is not a setpoint of the proposal");
                }
            }
            Setpoints current = plant.state().setpoints();
            double[] target = SetpointSpace.toUnit(current);
            double[] proposed = SetpointSpace.toUnit(proposedSetpoints(proposal, current));
            int moving = 0;
            for (int i = 0; i < names.size(); i++) {
                if (selected.contains(names.get(i)) && proposal.moves().get(i).moves()) {
                    target[i] = proposed[i];
                    moving++;
                }
            }
            if (moving == 0) {
                throw new IllegalArgumentException("no moving row of proposal " + proposal.id() + " is selected");
            }
            SafetyVerdict v = safety.check(plant.conditions(), current, target);
            if (v instanceof SafetyVerdict.Refused r) {
                throw new IllegalStateException("the safety layer refused the approved rows now: " + r.reason());
            }
            SafeMove move = ((SafetyVerdict.Accepted) v).move();
            plant.apply(move.approve(user.name(), clock.instant()));
            return describe(move);
        });
    }

    /** Rejects {@code proposal} with the operator's {@code reason}; returns the audit detail. */
    public String reject(User user, OptimizationProposal proposal, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        return actions.perform(user, Action.REJECT_SETPOINT, "optimisation proposal " + proposal.id(),
                () -> "rejected " + proposal.changes().size() + " proposed moves: " + why);
    }

    private static Setpoints proposedSetpoints(OptimizationProposal p, Setpoints current) {
        double[] v = new double[SetpointSpace.SIZE];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.moves().get(i).proposed();
        }
        return Setpoints.clamped(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static String describe(SafeMove move) {
        List<String> parts = new ArrayList<>();
        for (int i : move.changed()) {
            parts.add(String.format(Locale.ROOT, "%s %s -> %s %s", SetpointSpace.names().get(i),
                    trim(SetpointSpace.value(move.from(), i)), trim(SetpointSpace.value(move.to(), i)),
                    SetpointSpace.ranges().get(i).unit()));
        }
        String adj = move.adjustments().isEmpty() ? "" : " (safety layer: " + String.join("; ", move.adjustments()) + ")";
        return "applied " + (parts.isEmpty() ? "no change" : String.join(", ", parts)) + adj;
    }

    private static String trim(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
