package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dang.engine.bench.OptimizationBenchmark;
import org.dang.engine.bench.OptimizationBenchmark.Episode;
import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.policy.PolicyArtifact;
import org.dang.engine.module.optimize.policy.PolicyStore;

/** {@code dang bench optimize}: the trained policy against the oracle and against holding the setpoints. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Policy (through the safety layer), steady-state oracle (Hipparchus CMA-ES + BOBYQA) and"
                + " hold-current-setpoints on the same randomised episodes.",
                "Last line: SUMMARY gain_fraction=F violations=V ms_per_decision=T (policy's share of the oracle's"
                        + " gain over holding; policy violation minutes; policy + safety layer time per decision)."})
public final class BenchOptimizeCommand implements Callable<Integer> {

    @Option(names = "--episodes", defaultValue = "50", description = "Episodes (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "7", description = "Episode seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--policy", defaultValue = "trained_policy_v2",
            description = "Policy name (default ${DEFAULT-VALUE}).")
    String policyName;

    @Option(names = "--policies", paramLabel = "DIR",
            description = "Policy folder searched before the bundled policies (default: ~/.dang/policies).")
    Path policies;

    @Option(names = "--verbose", description = "Print every episode.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (episodes < 1) {
            spec.commandLine().getErr().println("--episodes must be 1 or more");
            return 2;
        }
        PolicyArtifact artifact = new PolicyStore(policies != null ? policies : PolicyStore.defaultDir())
                .load(policyName);
        o.println(String.format(Locale.ROOT, "policy %s (%s, seed %d, %,d episodes, %s), %d episodes from seed %d",
                artifact.name(), artifact.hash().substring(0, 12), artifact.seed(), artifact.episodes(),
                artifact.environmentVersion(), episodes, seed));
        o.flush();
        OptimizationBenchmark bench = new OptimizationBenchmark(CduOptimizationEnv.defaults(), seed);
        int[] n = {0};
        List<Episode> eps = bench.run(artifact.policy(), episodes, seed, e -> {
            n[0]++;
            if (verbose) {
                o.println(String.format(Locale.ROOT, "  %2d hold %8.0f policy %8.0f oracle %8.0f USD/h  fraction %5.2f"
                                + "  viol p/h/o %d/%d/%d  %s", n[0], e.hold(), e.policy(), e.oracle(), e.gainFraction(),
                        e.policyViolations(), e.holdViolations(), e.oracleViolations(), e.setup().description()));
                o.flush();
            }
        });
        double hold = eps.stream().mapToDouble(Episode::hold).sum();
        double pol = eps.stream().mapToDouble(Episode::policy).sum();
        double orc = eps.stream().mapToDouble(Episode::oracle).sum();
        double fraction = (pol - hold) / Math.max(1e-9, orc - hold);
        int pv = eps.stream().mapToInt(Episode::policyViolations).sum();
        int hv = eps.stream().mapToInt(Episode::holdViolations).sum();
        int ov = eps.stream().mapToInt(Episode::oracleViolations).sum();
        long decisions = eps.stream().mapToLong(Episode::decisions).sum();
        double polMs = eps.stream().mapToLong(Episode::policyNanos).sum() / 1e6 / decisions;
        double orcMs = eps.stream().mapToLong(Episode::oracleNanos).sum() / 1e6 / (decisions + eps.size());
        int refusals = eps.stream().mapToInt(Episode::policyRefusals).sum();
        int k = eps.size();
        o.println();
        o.println("| agent | mean margin rate USD/h | gain over hold USD/h | share of oracle gain | violation minutes | ms per decision |");
        o.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        o.println(String.format(Locale.ROOT, "| hold current setpoints | %.0f | 0 | 0 %% | %d | - |", hold / k, hv));
        o.println(String.format(Locale.ROOT, "| policy + safety layer | %.0f | %.0f | %.1f %% | %d | %.3f |", pol / k,
                (pol - hold) / k, 100 * fraction, pv, polMs));
        o.println(String.format(Locale.ROOT, "| oracle (steady state, perfect knowledge) | %.0f | %.0f | 100 %% | %d | %.1f |",
                orc / k, (orc - hold) / k, ov, orcMs));
        o.println();
        o.println(String.format(Locale.ROOT, "safety layer refused %d of %d policy moves", refusals, decisions));
        Map<String, double[]> byCrude = new LinkedHashMap<>();
        for (Episode e : eps) {
            String crude = e.setup().config().crude();
            double[] a = byCrude.computeIfAbsent(crude, c -> new double[3]);
            a[0] += e.policy() - e.hold();
            a[1] += e.oracle() - e.hold();
            a[2]++;
        }
        byCrude.forEach((c, a) -> o.println(String.format(Locale.ROOT, "  %-12s %2.0f episodes: share of oracle gain %.1f %%",
                c, a[2], 100 * a[0] / Math.max(1e-9, a[1]))));
        o.println("largest shortfalls (oracle - policy, USD/h):");
        eps.stream().sorted(Comparator.comparingDouble((Episode e) -> e.policy() - e.oracle())).limit(5).forEach(e ->
                o.println(String.format(Locale.ROOT, "  %7.0f  %s", e.oracle() - e.policy(), e.setup().description())));
        o.println(String.format(Locale.ROOT, "SUMMARY gain_fraction=%.3f violations=%d ms_per_decision=%.3f",
                fraction, pv, polMs));
        o.flush();
        return 0;
    }
}
