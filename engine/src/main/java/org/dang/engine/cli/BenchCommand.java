package org.dang.engine.cli;

import picocli.CommandLine.Command;

/** {@code dang bench ...}: benchmarks; each prints its figures with a same-run baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchDecisionsCommand.class, BenchForecastCommand.class, BenchLlmCommand.class,
        BenchMarketCommand.class, BenchOptimizeCommand.class, BenchApiCommand.class},
        description = "Benchmarks. Figures are reported against a baseline measured in the same run.")
public final class BenchCommand {
}
