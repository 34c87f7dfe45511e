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
import org.dang.engine.module.optimize.env.Observation;
import org.dang.engine.module.optimize.policy.PolicyArtifact;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.module.optimize.training.CrossEntropyTrainer;
import org.dang.engine.module.optimize.training.TrainerSettings;

/** {@code dang train-policy}: trains the optimisation agent and writes the next trained_policy_vN. */
@Command(name = "train-policy", mixinStandardHelpOptions = true,
        description = {"Train the CDU optimisation policy (cross-entropy search over a small network) in the"
                + " simulator, through the safety layer, and write the next versioned policy file.",
                "The same --episodes and --seed give a bit-identical policy and hash on the same machine."})
public final class TrainPolicyCommand implements Callable<Integer> {

    @Option(names = "--episodes", defaultValue = "12000",
            description = "Training episodes, about (default ${DEFAULT-VALUE}; one generation plays "
                    + "(population + 1) x batch).")
    long episodes;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Policy folder (default: ~/.dang/policies).")
    Path out;

    @Spec
    CommandSpec spec;

    /** Where trained policies go by default and where the console looks first. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".dang", "policies");
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
        CrossEntropyTrainer trainer = new CrossEntropyTrainer(settings, CduOptimizationEnv.defaults());
        long t0 = System.nanoTime();
        CrossEntropyTrainer.Outcome r = trainer.train(seed, episodes, (p, of) -> {
            o.println(String.format(Locale.ROOT, "generation %d/%d  episodes %,d  mean %.0f USD/h  elite %.0f USD/h"
                            + "  policy gain over hold %.0f USD/h  (%.0f s)", p.generation(), of, p.episodes(),
                    p.meanFitness(), p.eliteFitness(), p.policyGain(), (System.nanoTime() - t0) / 1e9));
            o.flush();
        }, () -> Thread.currentThread().isInterrupted());
        PolicyArtifact unversioned = new PolicyArtifact("", 0, CrossEntropyTrainer.ALGORITHM + ", "
                + Observation.FEATURES.size() + "-" + settings.hidden() + "-6 tanh/logistic network, population "
                + settings.population() + ", elite " + settings.elite() + ", batch " + settings.batch(), seed,
                r.episodes(), CduOptimizationEnv.VERSION, Observation.FEATURES, settings.hidden(),
                r.policy().params(), r.curve(), "");
        PolicyStore store = new PolicyStore(out != null ? out : defaultDir());
        PolicyArtifact written = store.write(unversioned);
        o.println(String.format(Locale.ROOT, "wrote %s (%s) episodes=%d seed=%d hash=%s", written.name(),
                store.dir().resolve(written.name() + ".json"), written.episodes(), seed, written.hash()));
        o.flush();
        return 0;
    }
}
