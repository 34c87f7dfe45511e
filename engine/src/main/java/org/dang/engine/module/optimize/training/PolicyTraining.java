package org.dang.engine.module.optimize.training;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.env.Observation;
import org.dang.engine.module.optimize.oracle.SteadyStateOracle;
import org.dang.engine.module.optimize.policy.PolicyArtifact;
import org.dang.engine.plant.sim.CduSteadyStateModel;

/**
 * The whole training run behind {@code dang train-policy}: one episode in fifteen of the budget
 * collects demonstrations from the steady-state oracle, behaviour cloning fits the network to
 * them, and the cross-entropy policy search refines it on the margin through the safety layer
 * with the rest of the budget. Everything is seeded from one seed.
 */
public final class PolicyTraining {

    /** Algorithm as recorded in the artifact. */
    public static final String ALGORITHM = "behaviour cloning of the steady-state oracle (Adam, cross-entropy loss),"
            + " then " + CrossEntropyTrainer.ALGORITHM;
    /** Fraction of the episode budget spent on demonstrations (one in fifteen). */
    static final int DEMONSTRATION_SHARE = 15;
    private static final int EPOCHS = 300;
    /** Starting spread of the search around the cloned weights: a refinement, not a restart. */
    private static final double REFINE_SIGMA = 0.02;

    private final TrainerSettings settings;
    private final CduOptimizationEnv env;

    /** A training run in {@code env} with {@code settings}. */
    public PolicyTraining(TrainerSettings settings, CduOptimizationEnv env) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Trains with about {@code episodes} episodes from {@code seed}; returns the unversioned artifact. */
    public PolicyArtifact run(long seed, long episodes, TrainingListener listener, BooleanSupplier cancelled) {
        SplittableRandom r = new SplittableRandom(seed);
        int demos = (int) Math.max(1, episodes / DEMONSTRATION_SHARE);
        long[] seeds = new long[demos];
        for (int i = 0; i < demos; i++) {
            seeds[i] = r.nextLong();
        }
        // A cheaper oracle budget for labels: thousands of situations, each needs only a good optimum.
        SteadyStateOracle labeller = new SteadyStateOracle(new CduSteadyStateModel(), env.safety().limits(),
                r.nextLong(), 2000, 1000);
        Demonstrations data = Demonstrations.collect(env, labeller, seeds, i -> listener.demonstrations(i, demos),
                cancelled);
        int inputs = Observation.FEATURES.size();
        ImitationFit.Result fit = ImitationFit.fit(data, inputs, settings.hidden(), EPOCHS, r.nextLong());
        listener.imitation(fit.loss(), data.size());
        CrossEntropyTrainer.Outcome out = new CrossEntropyTrainer(settings, env).train(r.nextLong(),
                Math.max(1, episodes - demos), fit.params(), REFINE_SIGMA, listener, cancelled);
        return new PolicyArtifact("", 0, ALGORITHM + "; " + inputs + "-" + settings.hidden()
                + "-6 tanh/logistic network; population " + settings.population() + ", elite " + settings.elite()
                + ", batch " + settings.batch(), seed, demos + out.episodes(), demos, fit.loss(),
                CduOptimizationEnv.VERSION, Observation.FEATURES, settings.hidden(), out.policy().params(),
                out.curve(), "");
    }
}
