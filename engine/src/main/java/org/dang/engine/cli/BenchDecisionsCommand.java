package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.bench.DecisionBenchmark;
import org.dang.engine.config.DangConfig;
import org.dang.engine.store.DecisionStore;

/** {@code dang bench decisions}: decision throughput and latency with every decision committed. */
@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = {"Rules path end to end (situation JSON in, decisions durably recorded).",
                "Runs: rules only (baseline), saturation (back to back: maximum throughput), and paced at --rate"
                        + " decisions per minute (latency at that load).",
                "Last line, from the paced run (service time per situation):"
                        + " decisions_per_min=N p50_ms=X p99_ms=Y durable=true|false"})
public final class BenchDecisionsCommand implements Callable<Integer> {

    @Option(names = "--situations", defaultValue = "30000", description = "Situations to measure (default ${DEFAULT-VALUE}).")
    int situations;

    @Option(names = "--warmup", defaultValue = "60000",
            description = "Situations run first and not measured (default ${DEFAULT-VALUE}: on 2 cores the JIT needs"
                    + " about 15 s before the store path is compiled).")
    int warmup;

    @Option(names = "--rate", defaultValue = "100000",
            description = "Offered load of the paced run, decisions per minute (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed.")
    long seed;

    @Option(names = "--keep-store", description = "Record into the configured store instead of a temporary one.")
    boolean keepStore;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DangConfig config = engine.load();
        DecisionBenchmark bench = new DecisionBenchmark(config, 256, seed);
        Path tmp = keepStore ? null : Files.createTempDirectory("dang-bench-");
        Path storePath = keepStore ? config.store().path() : tmp.resolve("decisions");
        try {
            bench.run(warmup, null, null);
            DecisionBenchmark.Figures baseline = bench.run(situations, null, null);
            out.println("baseline rules_only (nothing persisted): " + baseline.line());
            out.flush();
            try (DecisionStore store = DecisionStore.open(storePath)) {
                bench.run(warmup, store, null);
                DecisionBenchmark.Figures max = bench.run(situations, store, null);
                out.println("saturation (back to back, durable): " + max.line());
                double perSituation = (double) max.decisions() / max.situations();
                long interval = (long) (60e9 / (rate / perSituation));
                DecisionBenchmark.Figures paced = bench.run(situations, store, interval, done -> {
                    out.println("  ... " + done + " situations");
                    out.flush();
                });
                boolean durable = store.durableCommits() && store.verify().intact();
                out.printf(Locale.ROOT, "store %s.mv.db: %d decisions recorded, chain verified%n", storePath,
                        store.count());
                out.printf(Locale.ROOT, "ratios: saturation/rules_only throughput=%.3f; paced p99/rules_only p99=%.2f;"
                                + " vs seed figures (1000 decisions/min, 100 ms): max throughput x%.0f, p99 x%.4f%n",
                        max.perMinute() / baseline.perMinute(), paced.p99Ms() / baseline.p99Ms(),
                        max.perMinute() / 1000.0, paced.p99Ms() / 100.0);
                out.printf(Locale.ROOT, "paced at %.0f decisions/min offered, response from scheduled arrival"
                        + " (includes waiting behind GC pauses): %s%n", rate, paced.responseLine());
                out.println(paced.line() + " durable=" + durable);
            }
        } finally {
            if (tmp != null) {
                try (Stream<Path> files = Files.walk(tmp)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }
}
