package org.dang.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.env.EpisodeSetup;
import org.dang.engine.module.optimize.env.Rollout;
import org.dang.engine.module.optimize.oracle.OracleResult;
import org.dang.engine.module.optimize.oracle.SteadyStateOracle;
import org.dang.engine.module.optimize.policy.HoldPolicy;
import org.dang.engine.module.optimize.policy.Policy;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.CduSteadyStateModel;

/**
 * The optimisation agent against an oracle and against holding the setpoints, on the same
 * randomised episodes. The policy and the hold baseline play through the safety layer; the oracle
 * re-optimises the steady state with perfect knowledge at every decision and sets its answer
 * directly (no move limits). Each is scored by the steady-state margin rate of its final setpoints
 * under the episode's final conditions; violations are minutes of the true (dynamic) state beyond a
 * hard limit.
 */
public final class OptimizationBenchmark {

    /**
     * One episode's figures.
     *
     * @param setup            the episode
     * @param hold             margin rate holding the start setpoints, USD/h
     * @param policy           margin rate the policy reached, USD/h
     * @param oracle           margin rate of the oracle's optimum, USD/h
     * @param policyViolations minutes beyond a hard limit under the policy
     * @param holdViolations   minutes beyond a hard limit holding
     * @param oracleViolations minutes beyond a hard limit under the oracle
     * @param policyRefusals   policy moves the safety layer refused
     * @param policyNanos      time in the policy and the safety layer, ns
     * @param oracleNanos      time in the oracle, ns
     * @param decisions        decisions in the episode
     */
    public record Episode(EpisodeSetup setup, double hold, double policy, double oracle, int policyViolations,
                          int holdViolations, int oracleViolations, int policyRefusals, long policyNanos,
                          long oracleNanos, int decisions) {

        /** The policy's gain over holding as a fraction of the oracle's (1 when the oracle gains nothing). */
        public double gainFraction() {
            double og = oracle - hold;
            return og <= 1e-9 ? 1 : (policy - hold) / og;
        }
    }

    private static final int WARMUP_EPISODES = 20;

    private final CduOptimizationEnv env;
    private final SteadyStateOracle oracle;
    private final CduSteadyStateModel model = new CduSteadyStateModel();

    /** A benchmark in {@code env} with an oracle seeded by {@code seed}. */
    public OptimizationBenchmark(CduOptimizationEnv env, long seed) {
        this.env = Objects.requireNonNull(env, "env");
        this.oracle = new SteadyStateOracle(model, env.safety().limits(), seed);
    }

    /** The episode seeds the benchmark of {@code seed} plays. */
    public static long[] episodeSeeds(long seed, int episodes) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long[] s = new long[episodes];
        for (int i = 0; i < episodes; i++) {
            s[i] = r.nextLong();
        }
        return s;
    }

    /** Plays {@code policy}, holding and the oracle on {@code episodes} episodes; each result goes to {@code each}. */
    public List<Episode> run(Policy policy, int episodes, long seed, Consumer<Episode> each) {
        // Warm-up, not measured: the first episodes would otherwise time the JIT compiler.
        for (int i = 0; i < WARMUP_EPISODES; i++) {
            Rollout.play(env, policy, ~seed - i);
        }
        List<Episode> out = new ArrayList<>();
        for (long s : episodeSeeds(seed, episodes)) {
            Rollout hold = Rollout.play(env, new HoldPolicy(), s);
            Rollout agent = Rollout.play(env, policy, s);
            EpisodeSetup setup = env.setup();
            long t0 = System.nanoTime();
            int[] oracleViolations = {0};
            playOracle(setup, oracleViolations);
            OracleResult best = oracle.optimise(agent.endConditions(), agent.start());
            long oracleNanos = System.nanoTime() - t0;
            Episode e = new Episode(setup, hold.finalMarginRate(), agent.finalMarginRate(),
                    Math.max(best.best().marginRate(), hold.finalMarginRate()), agent.violationMinutes(),
                    hold.violationMinutes(), oracleViolations[0], agent.refusals(), agent.decisionNanos(),
                    oracleNanos, agent.decisions());
            out.add(e);
            each.accept(e);
        }
        return out;
    }

    /** The oracle as an agent: re-optimise at every decision, set the answer, run the interval. */
    private void playOracle(EpisodeSetup setup, int[] violations) {
        CduSimulator sim = new CduSimulator(setup.config(), setup.schedule());
        for (int d = 0; d < env.settings().decisions(); d++) {
            sim.apply(oracle.optimise(sim.conditions(), sim.setpoints()).best().setpoints());
            for (int m = 0; m < env.settings().minutesPerDecision(); m++) {
                sim.step();
                if (sim.constraints().anyViolated()) {
                    violations[0]++;
                }
            }
        }
    }
}
