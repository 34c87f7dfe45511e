package org.dang.engine.module.optimize.safety;

import java.time.Instant;
import java.util.Objects;

import org.dang.engine.plant.sim.Setpoints;

/**
 * A safety-checked move an operator approved: what the plant's setpoint input accepts. It can only
 * be made from a {@link SafeMove}, which only the {@link SafetyLayer} makes.
 */
public final class ApprovedMove {

    private final SafeMove move;
    private final String approver;
    private final Instant approvedAt;

    ApprovedMove(SafeMove move, String approver, Instant approvedAt) {
        this.move = Objects.requireNonNull(move, "move");
        this.approver = Objects.requireNonNull(approver, "approver");
        this.approvedAt = Objects.requireNonNull(approvedAt, "approvedAt");
    }

    /** The checked move. */
    public SafeMove move() {
        return move;
    }

    /** Setpoints the plant is to take. */
    public Setpoints setpoints() {
        return move.to();
    }

    /** Who approved it (a user name, or the agent's name in simulation). */
    public String approver() {
        return approver;
    }

    /** When it was approved (wall time). */
    public Instant approvedAt() {
        return approvedAt;
    }
}
