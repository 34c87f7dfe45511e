package org.dang.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.config.DangConfig;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.market.loading.MarketData;
import org.dang.engine.module.market.loading.MarketDataLoader;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.ChainVerification;

/**
 * {@code dang self-test}: starts the engine headless on the bundled sample data in a throw-away
 * store and checks each part answers: the store opens and migrates, plant history replays, the
 * sample situations are decided and recorded, the chain verifies. Exit 0 when all pass; site IT
 * runs it after installing.
 */
@Command(name = "self-test", mixinStandardHelpOptions = true,
        description = "Start the engine headless on the sample data and check it works (exit 0 when it does).")
public final class SelfTestCommand implements Callable<Integer> {

    @Option(names = "--scans", defaultValue = "2000", description = "Plant history scans to replay (default ${DEFAULT-VALUE}).")
    int scans;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Path.of(System.getProperty("dang.home", ".")).resolve("sample-plant-data");
        Path tmp = Files.createTempDirectory("dang-self-test-");
        int failures = 0;
        try {
            DangConfig d = DangConfig.defaults();
            try (Engine engine = EngineModules.installAvailable(Engine.open(d.withStore(tmp.resolve("decisions"))))) {
                out.println("ok    decision store opened and migrated (" + tmp.resolve("decisions.mv.db") + ")");
                failures += plant(engine, data.resolve("cdu"), out);
                failures += decisions(engine, data.resolve("situations"), out);
                failures += modules(engine, out);
                ChainVerification v = engine.store().verify();
                failures += report(out, v.intact() && v.rows() > 0, "decision chain verifies (" + v.rows() + " rows)");
            }
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out.println(failures == 0 ? "SELF-TEST OK" : "SELF-TEST FAILED: " + failures + " check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    private int plant(Engine engine, Path cdu, PrintWriter out) throws Exception {
        Path history = cdu.resolve("history.csv.gz");
        Path tags = cdu.resolve("tags.csv");
        if (!Files.isReadable(history) || !Files.isReadable(tags)) {
            return report(out, false, "plant history present at " + history);
        }
        engine.attach(new CsvReplaySource(history, tags, new CsvReplaySource.Options(0, false)));
        for (int i = 0; i < 600 && engine.plant().scanCount() < scans; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        long n = engine.plant().scanCount();
        return report(out, n >= scans, "plant history replays (" + n + " scans of "
                + engine.plant().source().tags().size() + " tags, " + engine.plant().problemCount() + " data problems)");
    }

    private int decisions(Engine engine, Path situations, PrintWriter out) throws Exception {
        if (!Files.isDirectory(situations)) {
            return report(out, false, "sample situations present at " + situations);
        }
        int made = 0;
        for (SituationReader.Entry e : SituationReader.read(situations)) {
            if (!e.ok()) {
                return report(out, false, "sample situation readable: " + e.error());
            }
            made += engine.decide(e.situation()).size();
        }
        return report(out, made > 0, "sample situations decided and recorded (" + made + " decisions)");
    }

    private int modules(Engine engine, PrintWriter out) {
        Set<ModuleName> installed = engine.installedModules();
        int failures = report(out, installed.containsAll(Set.of(ModuleName.FORECASTING, ModuleName.ANALYSIS)),
                "modules installed (" + installed + ")");
        try {
            MarketData market = MarketDataLoader.load(MarketDataLoader.defaultDirectory());
            return failures + report(out, market.observationCount() > 0,
                    "market data loads (" + market.series().size() + " series, " + market.observationCount() + " observations)");
        } catch (IOException | RuntimeException e) {
            return failures + report(out, false, "market data loads: " + e.getMessage());
        }
    }

    private static int report(PrintWriter out, boolean ok, String what) {
        out.println((ok ? "ok    " : "FAIL  ") + what);
        out.flush();
        return ok ? 0 : 1;
    }
}
