package org.dang.engine.assistant;

import java.util.List;
import java.util.Objects;

import org.dang.engine.module.optimize.OptimizationProposal;
import org.dang.engine.module.optimize.ProposedMove;

/**
 * A setpoint proposal as a chat turn carries it: the operator approves or rejects it on the engine's
 * proposal desk ({@link Assistant#approve}, {@link Assistant#reject}); the model never can.
 *
 * @param id      the proposal id on the desk
 * @param summary one line (moves, expected gain, confidence)
 * @param moves   the rows that move a setpoint
 * @param notes   what the safety layer changed, or why it refused
 * @param refused true when the safety layer found no safe move (nothing to approve)
 */
public record ProposalCard(String id, String summary, List<ProposedMove> moves, List<String> notes, boolean refused) {
    public ProposalCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        moves = List.copyOf(moves);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The card of {@code p}. */
    public static ProposalCard of(OptimizationProposal p) {
        return new ProposalCard(p.id(), p.summary(), p.changes(), p.notes(), p.refused());
    }

    /** Whether there is anything to approve. */
    public boolean approvable() {
        return !refused && !moves.isEmpty();
    }
}
