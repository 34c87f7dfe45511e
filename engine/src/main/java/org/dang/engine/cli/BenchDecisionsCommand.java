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
        description = {"Rules path end to end (situation JSON in, decisions committed to H2).",
                "Last line: decisions_per_min=N p50_ms=X p99_ms=Y durable=true|false"})
public final class BenchDecisionsCommand implements Callable<Integer> {

    @Option(names = "--situations", defaultValue = "30000", description = "Situations to measure (default ${DEFAULT-VALUE}).")
    int situations;

    @Option(names = "--warmup", defaultValue = "5000", description = "Situations run first and not measured.")
    int warmup;

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
                DecisionBenchmark.Figures f = bench.run(situations, store, done -> {
                    out.println("  ... " + done + " situations");
                    out.flush();
                });
                boolean durable = store.durableCommits() && store.verify().intact();
                out.printf(Locale.ROOT, "store %s.mv.db: %d situations, %d decisions in %.1f s%n", storePath,
                        f.situations(), f.decisions(), f.seconds());
                out.printf(Locale.ROOT, "ratio persisted/rules_only throughput=%.3f p99=%.2fx; vs seed figures"
                                + " (1000 decisions/min, 100 ms): throughput x%.0f, p99 x%.4f%n",
                        f.perMinute() / baseline.perMinute(), f.p99Ms() / baseline.p99Ms(), f.perMinute() / 1000.0,
                        f.p99Ms() / 100.0);
                out.println(f.line() + " durable=" + durable);
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
