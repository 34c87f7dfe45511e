package org.dang.engine.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.bench.ApiBenchmark;
import org.dang.engine.bench.LoadFigures;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;

/** {@code dang bench api}: the HTTP API under load on loopback, against in-process decisions. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"HTTP API under closed-loop load on loopback: POST /orchestrate (rules path, generated"
                + " situations) and GET /decisions (pages, then filtered by action, then by text) from --clients"
                + " clients, each on its own"
                + " kept-alive connection, against the same decisions made in process without HTTP (baseline) and"
                + " against GET /status (the HTTP baseline). Each run also reports the process CPU per request."
                + " A temporary store, token file and port are used.",
                "Last line: orchestrate_req_per_s=N orchestrate_p99_ms=X decisions_req_per_s=M errors=E"})
public final class BenchApiCommand implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "15", description = "Length of each measured run (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "15",
            description = "Seconds of unmeasured load before each kind of run, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed.")
    long seed;

    @Option(names = "--orchestrate-only", description = "Skip the /decisions runs (quicker comparisons of /orchestrate).")
    boolean orchestrateOnly;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("dang-bench-api-");
        DangConfig config = engine.load().withStore(tmp.resolve("decisions"));
        ApiBenchmark bench = new ApiBenchmark(clients, 256, seed);
        Duration run = Duration.ofSeconds(seconds);
        Duration warm = Duration.ofSeconds(warmup);
        try (Engine e = Engine.open(config)) {
            String token = new TokenFile(tmp.resolve("tokens")).add("bench", Role.OPERATOR);
            // The per-token rate limit would cap one client token far below this load; it is lifted here.
            ServerConfig server = config.server().listeningOn("127.0.0.1", 0)
                    .with(tmp.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(1_000_000, 1_000_000);
            out.printf(Locale.ROOT, "%d clients, %d s per run after %d s warm-up; store %s; rate limit lifted%n",
                    clients, seconds, warmup, tmp);
            out.flush();
            try (ApiServer api = ApiServer.start(e, server, ModuleRequests.standard())) {
                out.printf(Locale.ROOT, "load average at start: %.2f%n", loadAverage());
                // Warm both paths before measuring either, so neither is measured half-compiled.
                bench.inProcess(e, warm);
                bench.orchestrate(api.uri(), token, warm);
                bench.status(api.uri(), token, Duration.ofSeconds(Math.min(warmup, 3)));
                LoadFigures status = bench.status(api.uri(), token, run);
                out.println(status.line());
                out.flush();
                LoadFigures baseline = bench.inProcess(e, run);
                out.println(baseline.line());
                out.flush();
                LoadFigures orchestrate = bench.orchestrate(api.uri(), token, run);
                out.println(orchestrate.line());
                out.flush();
                long errors = status.errors() + orchestrate.errors();
                LoadFigures decisions = null;
                if (!orchestrateOnly) {
                    bench.decisions(api.uri(), token, warm);
                    decisions = bench.decisions(api.uri(), token, run);
                    out.println(decisions.line());
                    out.flush();
                    LoadFigures byAction = bench.decisionsByAction(api.uri(), token, run);
                    out.println(byAction.line());
                    out.flush();
                    LoadFigures byText = bench.decisionsByText(api.uri(), token, run);
                    out.println(byText.line());
                    errors += decisions.errors() + byAction.errors() + byText.errors();
                }
                out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
                out.printf(Locale.ROOT, "store: %d decisions recorded, chain %s%n", e.store().count(),
                        e.store().verify().intact() ? "verified" : "BROKEN");
                out.printf(Locale.ROOT, "ratio: /orchestrate throughput / in-process = %.3f; p99 %.3f ms vs %.3f ms%n",
                        orchestrate.perSecond() / baseline.perSecond(), orchestrate.p99Ms(), baseline.p99Ms());
                out.printf(Locale.ROOT, "ratio: /orchestrate throughput / GET /status = %.3f; CPU per request %.3f ms"
                                + " vs %.3f ms%n", orchestrate.perSecond() / status.perSecond(),
                        orchestrate.cpuMsPerRequest(), status.cpuMsPerRequest());
                out.printf(Locale.ROOT, "orchestrate_req_per_s=%.0f orchestrate_p99_ms=%.3f decisions_req_per_s=%.0f"
                                + " decisions_p99_ms=%.3f errors=%d%n", orchestrate.perSecond(), orchestrate.p99Ms(),
                        decisions == null ? 0 : decisions.perSecond(), decisions == null ? 0 : decisions.p99Ms(), errors);
            }
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
