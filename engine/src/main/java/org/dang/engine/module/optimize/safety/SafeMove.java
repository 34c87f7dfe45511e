package org.dang.engine.module.optimize.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.plant.sim.OperatingPoint;
import org.dang.engine.plant.sim.Setpoints;

/**
 * A setpoint move the safety layer has checked: within range, within the move limits, and predicted
 * by the steady-state model to keep every hard constraint with its back-off. Only
 * {@link SafetyLayer} can create one (the constructor is package-private), and the plant accepts a
 * move only as an {@link ApprovedMove} made from one, so no policy can reach the plant around the
 * safety layer.
 */
public final class SafeMove {

    private final Instant checkedAt;
    private final Setpoints from;
    private final Setpoints to;
    private final OperatingPoint predicted;
    private final List<String> adjustments;

    SafeMove(Instant checkedAt, Setpoints from, Setpoints to, OperatingPoint predicted, List<String> adjustments) {
        this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.predicted = Objects.requireNonNull(predicted, "predicted");
        this.adjustments = List.copyOf(adjustments);
    }

    /** Plant time of the conditions the move was checked against. */
    public Instant checkedAt() {
        return checkedAt;
    }

    /** Setpoints in force when the move was checked. */
    public Setpoints from() {
        return from;
    }

    /** Setpoints after the move. */
    public Setpoints to() {
        return to;
    }

    /** The steady state the model predicts after the move. */
    public OperatingPoint predicted() {
        return predicted;
    }

    /** What the safety layer changed in the proposal (clipped, rate-limited, projected, shortened); empty if nothing. */
    public List<String> adjustments() {
        return adjustments;
    }

    /** Indices (in {@link SetpointSpace} order) of the setpoints this move changes. */
    public List<Integer> changed() {
        List<Integer> c = new ArrayList<>();
        for (int i = 0; i < SetpointSpace.SIZE; i++) {
            if (SetpointSpace.value(from, i) != SetpointSpace.value(to, i)) {
                c.add(i);
            }
        }
        return c;
    }

    /** The operator's approval of this move, the only form in which the plant accepts it. */
    public ApprovedMove approve(String approver, Instant at) {
        return new ApprovedMove(this, approver, at);
    }

    @Override
    public String toString() {
        return "SafeMove[" + from + " -> " + to + ", adjustments " + adjustments + "]";
    }
}
