package org.dang.engine.module.optimize.env;

import java.util.List;

import org.dang.engine.module.optimize.safety.SafetyVerdict;
import org.dang.engine.plant.sim.Constraint;

/**
 * What one environment step returns (Gym style).
 *
 * @param observation      the observation after the step
 * @param reward           gross margin rate of the unit at the end of the step, USD/h (true state)
 * @param constraints      every hard constraint at the end of the step (true state), with its margin
 * @param violationMinutes minutes during the step with at least one hard constraint violated
 * @param violated         names of the constraints violated at any minute of the step
 * @param verdict          what the safety layer made of the action
 * @param done             true after the episode's last decision
 * @param checkNanos       time the safety layer took over the action, ns
 */
public record StepResult(Observation observation, double reward, List<Constraint> constraints, int violationMinutes,
                         List<String> violated, SafetyVerdict verdict, boolean done, long checkNanos) {
    public StepResult {
        constraints = List.copyOf(constraints);
        violated = List.copyOf(violated);
    }
}
