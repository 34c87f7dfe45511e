package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.policy.PolicyArtifact;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.module.optimize.training.PolicyTraining;
import org.dang.engine.module.optimize.training.TrainerSettings;
import org.dang.engine.module.optimize.training.TrainingListener;
import org.dang.engine.module.optimize.training.TrainingPoint;

/** {@code dang train-policy}: trains the optimisation agent and writes the next trained_policy_vN. */
@Command(name = "train-policy", mixinStandardHelpOptions = true,
        description = {"Train the CDU optimisation policy in the simulator, through the safety layer: behaviour"
                + " cloning of the steady-state oracle, then cross-entropy policy search on the margin. Writes the"
                + " next versioned policy file.",
                "The same --episodes and --seed give a bit-identical policy and hash on the same machine."})
public final class TrainPolicyCommand implements Callable<Integer> {

    @Option(names = "--episodes", defaultValue = "22500",
            description = "Training episodes, about (default ${DEFAULT-VALUE}): one in 15 collects oracle"
                    + " demonstrations, the rest refine the cloned policy, (population + 1) x batch per generation.")
    long episodes;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Policy folder (default: ~/.dang/policies).")
    Path out;

    @Spec
    CommandSpec spec;

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (episodes < 1) {
            err.println("--episodes must be 1 or more");
            return 2;
        }
        TrainerSettings settings = TrainerSettings.defaults();
        long t0 = System.nanoTime();
        PolicyArtifact unversioned = new PolicyTraining(settings, CduOptimizationEnv.defaults()).run(seed, episodes,
                new TrainingListener() {
                    @Override
                    public void demonstrations(int done, int of) {
                        if (done % 100 == 0 || done == of) {
                            o.println(String.format(Locale.ROOT, "demonstrations %d/%d  (%.0f s)", done, of,
                                    seconds(t0)));
                            o.flush();
                        }
                    }

                    @Override
                    public void imitation(double loss, int samples) {
                        o.println(String.format(Locale.ROOT, "behaviour cloning on %,d samples: loss %.4f  (%.0f s)",
                                samples, loss, seconds(t0)));
                        o.flush();
                    }

                    @Override
                    public void generation(TrainingPoint p, int of) {
                        o.println(String.format(Locale.ROOT, "generation %d/%d  episodes %,d  mean %.0f USD/h"
                                        + "  elite %.0f USD/h  policy gain over hold %.0f USD/h  (%.0f s)",
                                p.generation(), of, p.episodes(), p.meanFitness(), p.eliteFitness(), p.policyGain(),
                                seconds(t0)));
                        o.flush();
                    }
                }, () -> Thread.currentThread().isInterrupted());
        PolicyStore store = new PolicyStore(out != null ? out : PolicyStore.defaultDir());
        PolicyArtifact written = store.write(unversioned);
        o.println(String.format(Locale.ROOT, "wrote %s (%s) episodes=%d seed=%d hash=%s", written.name(),
                store.dir().resolve(written.name() + ".json"), written.episodes(), seed, written.hash()));
        o.flush();
        return 0;
    }
}
