package org.dang.engine.module.optimize.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.env.Observation;
import org.dang.engine.module.optimize.env.Rollout;
import org.dang.engine.module.optimize.policy.NetworkPolicy;

/**
 * Cross-entropy policy search over the weights of a {@link NetworkPolicy}: each generation samples
 * candidate weight vectors from a diagonal Gaussian, plays every candidate on the same batch of
 * randomised episodes (common random numbers, so candidates are compared on equal terms), and
 * refits the Gaussian to the best few, with extra noise that decays to zero. Fitness is the
 * steady-state margin rate of the setpoints the policy reached, through the safety layer, under
 * the episode's final conditions. Single-threaded and seeded: the same seed and episode budget give
 * bit-identical weights.
 */
public final class CrossEntropyTrainer {

    /** Names the algorithm in policy artifacts. */
    public static final String ALGORITHM = "cross-entropy method (diagonal Gaussian, common random numbers)";

    private final TrainerSettings settings;
    private final CduOptimizationEnv env;

    /** A trainer over {@code env}. */
    public CrossEntropyTrainer(TrainerSettings settings, CduOptimizationEnv env) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** What training produced. */
    public record Outcome(NetworkPolicy policy, List<TrainingPoint> curve, long episodes) {
        public Outcome {
            curve = List.copyOf(curve);
        }
    }

    /**
     * Trains with at most {@code episodes} episodes (at least one generation).
     *
     * @throws CancellationException when {@code cancelled} turns true between episodes
     */
    public Outcome train(long seed, long episodes, TrainingListener listener, BooleanSupplier cancelled) {
        int dim = NetworkPolicy.parameterCount(Observation.FEATURES.size(), settings.hidden());
        return train(seed, episodes, new double[dim], settings.initialSigma(), listener, cancelled);
    }

    /**
     * Trains from the weights {@code start} (e.g. a behaviour-cloned policy) with every parameter's
     * starting standard deviation {@code sigma0}.
     */
    public Outcome train(long seed, long episodes, double[] start, double sigma0, TrainingListener listener,
                         BooleanSupplier cancelled) {
        int inputs = Observation.FEATURES.size();
        int dim = NetworkPolicy.parameterCount(inputs, settings.hidden());
        if (start.length != dim) {
            throw new IllegalArgumentException("start has " + start.length + " weights, the network " + dim);
        }
        int generations = (int) Math.max(1, episodes / settings.episodesPerGeneration());
        SplittableRandom random = new SplittableRandom(seed);
        double[] mean = start.clone();
        double[] sigma = new double[dim];
        Arrays.fill(sigma, sigma0);
        List<TrainingPoint> curve = new ArrayList<>();
        long played = 0;
        for (int g = 1; g <= generations; g++) {
            long[] batch = new long[settings.batch()];
            for (int b = 0; b < batch.length; b++) {
                batch[b] = random.nextLong();
            }
            double[][] candidates = new double[settings.population()][];
            double[] fitness = new double[settings.population()];
            for (int k = 0; k < candidates.length; k++) {
                double[] theta = new double[dim];
                for (int d = 0; d < dim; d++) {
                    theta[d] = mean[d] + sigma[d] * gaussian(random);
                }
                candidates[k] = theta;
            }
            for (int k = 0; k < candidates.length; k++) {
                fitness[k] = evaluate(new NetworkPolicy(inputs, settings.hidden(), candidates[k]), batch, cancelled)[0];
                played += batch.length;
            }
            Integer[] order = new Integer[candidates.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            // Ties broken by index so the order never depends on the sort's stability.
            Arrays.sort(order, (a, b) -> fitness[a] != fitness[b] ? Double.compare(fitness[b], fitness[a])
                    : Integer.compare(a, b));
            // Extra noise scaled like the start: a warm start is refined, not thrown away.
            double noise = settings.extraNoise() * sigma0 / settings.initialSigma() * (1 - (double) (g - 1) / generations);
            double eliteFitness = 0;
            for (int e = 0; e < settings.elite(); e++) {
                eliteFitness += fitness[order[e]] / settings.elite();
            }
            for (int d = 0; d < dim; d++) {
                double m = 0;
                for (int e = 0; e < settings.elite(); e++) {
                    m += candidates[order[e]][d];
                }
                m /= settings.elite();
                double v = 0;
                for (int e = 0; e < settings.elite(); e++) {
                    double x = candidates[order[e]][d] - m;
                    v += x * x;
                }
                mean[d] = m;
                sigma[d] = Math.sqrt(v / settings.elite()) + noise;
            }
            double[] meanEval = evaluate(new NetworkPolicy(inputs, settings.hidden(), mean), batch, cancelled);
            played += batch.length;
            TrainingPoint point = new TrainingPoint(g, played, Arrays.stream(fitness).average().orElse(0),
                    eliteFitness, meanEval[0] - meanEval[1]);
            curve.add(point);
            listener.generation(point, generations);
        }
        return new Outcome(new NetworkPolicy(inputs, settings.hidden(), mean), curve, played);
    }

    /** Mean final margin rate and mean hold margin rate of {@code policy} over the batch, USD/h. */
    private double[] evaluate(NetworkPolicy policy, long[] batch, BooleanSupplier cancelled) {
        double sum = 0;
        double hold = 0;
        for (long s : batch) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training cancelled");
            }
            Rollout r = Rollout.play(env, policy, s);
            sum += r.finalMarginRate();
            hold += r.holdMarginRate();
        }
        return new double[] {sum / batch.length, hold / batch.length};
    }

    /** Standard normal by the polar method: defined here so the weights never depend on the JDK's Random. */
    private static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
