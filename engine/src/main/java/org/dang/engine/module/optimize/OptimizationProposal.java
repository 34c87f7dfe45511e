package org.dang.engine.module.optimize;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.dang.engine.module.ModuleResult;

/**
 * The optimisation module's result: a proposal, never an action. Setpoint moves reach the plant only
 * through {@link SetpointApprovals} after an operator approves them.
 *
 * @param id                 proposal id (for the audit trail)
 * @param policy             policy name
 * @param policyHash         the policy file's hash
 * @param plantTime          plant time of the conditions the proposal was computed for
 * @param moves              one row per setpoint (rows that do not move included)
 * @param marginNow          steady-state margin with the present setpoints, USD/bbl
 * @param marginProposed     steady-state margin after the move, USD/bbl
 * @param marginRateNow      steady-state margin rate now, USD/h
 * @param marginRateProposed steady-state margin rate after the move, USD/h
 * @param constraints        every hard constraint before and after
 * @param confidence         0..1, see docs/optimization.md
 * @param notes              what the safety layer changed, or why it refused
 * @param refused            true when the safety layer refused the policy's move (the rows then hold)
 * @param tightened          true when proposed under tightened constraints
 */
public record OptimizationProposal(String id, String policy, String policyHash, Instant plantTime,
                                   List<ProposedMove> moves, double marginNow, double marginProposed,
                                   double marginRateNow, double marginRateProposed,
                                   List<ConstraintMargin> constraints, double confidence, List<String> notes,
                                   boolean refused, boolean tightened) implements ModuleResult {

    public OptimizationProposal {
        Objects.requireNonNull(id, "id");
        moves = List.copyOf(moves);
        constraints = List.copyOf(constraints);
        notes = List.copyOf(notes);
    }

    /** Expected gain of the whole move, USD/h (steady state). */
    public double expectedGain() {
        return marginRateProposed - marginRateNow;
    }

    /** Rows that move a setpoint. */
    public List<ProposedMove> changes() {
        return moves.stream().filter(ProposedMove::moves).toList();
    }

    @Override
    public String summary() {
        if (refused) {
            return "optimisation (" + policy + "): no safe move; " + String.join("; ", notes);
        }
        return String.format(Locale.ROOT, "optimisation (%s): %d setpoint moves proposed, expected %+.0f USD/h"
                + " (%+.3f USD/bbl), confidence %.2f", policy, changes().size(), expectedGain(),
                marginProposed - marginNow, confidence);
    }
}
