package org.dang.engine.module.optimize.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.env.Observation;
import org.dang.engine.module.optimize.env.StepResult;
import org.dang.engine.module.optimize.oracle.SteadyStateOracle;

/**
 * Observations paired with the oracle's optimum: for each episode the oracle solves the situation
 * the episode ends in (where it is scored), and the environment is played towards that optimum
 * through the safety layer; every observation on the way is labelled with the optimum (in unit
 * coordinates).
 *
 * @param features one row of observation features per sample
 * @param targets  the oracle's optimum per sample, unit coordinates
 */
public record Demonstrations(List<double[]> features, List<double[]> targets) {

    public Demonstrations {
        features = List.copyOf(features);
        targets = List.copyOf(targets);
        if (features.size() != targets.size()) {
            throw new IllegalArgumentException("one target per feature row");
        }
    }

    /** Samples. */
    public int size() {
        return features.size();
    }

    /** Collects demonstrations on the episodes of {@code seeds}; {@code done} hears each finished episode. */
    public static Demonstrations collect(CduOptimizationEnv env, SteadyStateOracle oracle, long[] seeds,
                                         IntConsumer done, BooleanSupplier cancelled) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training cancelled");
            }
            // The episode is scored at its final conditions, which do not depend on the actions: find
            // them by holding, and label the whole episode with the optimum there.
            env.reset(seeds[i]);
            double[] hold = env.holdAction();
            while (!env.done()) {
                env.step(hold);
            }
            double[] target = SetpointSpace.toUnit(oracle.optimise(env.conditions(), env.setpoints()).best().setpoints());
            Observation obs = env.reset(seeds[i]);
            while (!env.done()) {
                x.add(obs.features());
                y.add(target.clone());
                StepResult r = env.step(target);
                obs = r.observation();
            }
            done.accept(i + 1);
        }
        return new Demonstrations(x, y);
    }
}
