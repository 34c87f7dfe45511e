package org.dang.engine.module.optimize.safety;

import java.util.List;
import java.util.Objects;

import org.dang.engine.plant.sim.Constraint;
import org.dang.engine.plant.sim.Setpoints;

/** What the safety layer says about a proposed move: accepted (possibly adjusted) or refused with a reason. */
public sealed interface SafetyVerdict {

    /** Setpoints the plant keeps or moves to under this verdict. */
    Setpoints setpoints();

    /** The move passed, as the checked move (its adjustments say what was changed). */
    record Accepted(SafeMove move) implements SafetyVerdict {
        public Accepted {
            Objects.requireNonNull(move, "move");
        }

        @Override
        public Setpoints setpoints() {
            return move.to();
        }
    }

    /**
     * The move was refused; the plant holds {@code current}.
     *
     * @param reason              why, naming the setpoint or constraint
     * @param current             setpoints that stay in force
     * @param predictedViolations constraints the proposal was predicted to break (with their values)
     */
    record Refused(String reason, Setpoints current, List<Constraint> predictedViolations) implements SafetyVerdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(current, "current");
            predictedViolations = List.copyOf(predictedViolations);
        }

        @Override
        public Setpoints setpoints() {
            return current;
        }
    }
}
