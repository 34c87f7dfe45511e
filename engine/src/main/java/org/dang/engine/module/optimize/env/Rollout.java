package org.dang.engine.module.optimize.env;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dang.engine.module.optimize.policy.Policy;
import org.dang.engine.module.optimize.safety.SafetyVerdict;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.Setpoints;

/**
 * One episode played by a policy through the safety layer, and what came of it.
 *
 * @param seed             episode seed
 * @param start            setpoints at the start
 * @param end              setpoints after the last decision
 * @param endConditions    conditions after the last decision
 * @param finalMarginRate  steady-state margin rate of {@code end} under {@code endConditions}, USD/h
 * @param holdMarginRate   steady-state margin rate of {@code start} under {@code endConditions}, USD/h
 * @param meanReward       mean step reward (true margin rate after each step), USD/h
 * @param violationMinutes minutes with a hard constraint violated (true state)
 * @param violated         names of the constraints violated
 * @param refusals         decisions the safety layer refused
 * @param decisionNanos    total time spent in the policy and the safety layer, ns
 * @param decisions        decisions taken
 */
public record Rollout(long seed, Setpoints start, Setpoints end, CduConditions endConditions, double finalMarginRate,
                      double holdMarginRate, double meanReward, int violationMinutes, List<String> violated,
                      int refusals, long decisionNanos, int decisions) {

    private static final CduSteadyStateModel MODEL = new CduSteadyStateModel();

    public Rollout {
        violated = List.copyOf(violated);
    }

    /** Plays {@code policy} on the episode of {@code seed} in {@code env}. */
    public static Rollout play(CduOptimizationEnv env, Policy policy, long seed) {
        Observation obs = env.reset(seed);
        Setpoints start = env.setpoints();
        double rewards = 0;
        int violationMinutes = 0;
        int refusals = 0;
        long nanos = 0;
        int n = 0;
        Set<String> violated = new LinkedHashSet<>();
        while (!env.done()) {
            long t0 = System.nanoTime();
            double[] action = policy.act(obs);
            nanos += System.nanoTime() - t0;
            StepResult r = env.step(action);
            nanos += r.checkNanos();
            if (r.verdict() instanceof SafetyVerdict.Refused) {
                refusals++;
            }
            rewards += r.reward();
            violationMinutes += r.violationMinutes();
            violated.addAll(r.violated());
            obs = r.observation();
            n++;
        }
        CduConditions end = env.conditions();
        return new Rollout(seed, start, env.setpoints(), end, MODEL.predict(end, env.setpoints()).marginRate(),
                MODEL.predict(end, start).marginRate(), rewards / n, violationMinutes, List.copyOf(violated),
                refusals, nanos, n);
    }

    /** Mean decision time (policy plus safety layer), ms. */
    public double msPerDecision() {
        return decisionNanos / 1e6 / decisions;
    }
}
