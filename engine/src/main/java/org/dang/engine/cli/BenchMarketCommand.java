package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.module.market.ChangeBacktest;
import org.dang.engine.module.market.MarketAnalysis;
import org.dang.engine.module.market.MarketReport;
import org.dang.engine.module.market.MarketSettings;
import org.dang.engine.module.market.loading.MarketData;
import org.dang.engine.module.market.loading.MarketDataLoader;

/** {@code dang bench market}: the market analysis over the whole history, against the time to load the files. */
@Command(name = "market", mixinStandardHelpOptions = true,
        description = {"Oil market analysis over the whole bundled history (stocks from 1982): load the EIA files"
                + " (baseline), prepare the analysis, a report as of every Wednesday, and the change detector as of"
                + " every day.",
                "Last line: market_history_ms=T load_ms=L reports=N detections=D"})
public final class BenchMarketCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The oil-market data set (default: sample-plant-data/oil-market of the installation).")
    Path data;

    @Option(names = "--rounds", defaultValue = "5",
            description = "Measured rounds after one warm-up round; the median is reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    /** One round's timings, milliseconds. */
    private record Round(double load, double prepare, double weekly, double daily, int reports, int detections) {
        double total() {
            return load + prepare + weekly + daily;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? data : MarketDataLoader.defaultDirectory();
        Round first = round(dir);
        out.printf(Locale.ROOT, "first round (cold JIT, as a one-off CLI run sees it): total %.0f ms (load %.0f,"
                + " prepare %.0f, weekly reports %.0f, daily detector %.0f)%n", first.total(), first.load(),
                first.prepare(), first.weekly(), first.daily());
        Round[] r = new Round[Math.max(1, rounds)];
        for (int i = 0; i < r.length; i++) {
            r[i] = round(dir);
        }
        Arrays.sort(r, Comparator.comparingDouble(Round::total));
        Round median = r[r.length / 2];
        out.printf(Locale.ROOT, "median of %d rounds: baseline load_ms=%.0f%n", r.length,
                median.load());
        out.printf(Locale.ROOT, "  prepare_ms=%.0f (seasonal norms, changes, surprises, returns for every date)%n",
                median.prepare());
        out.printf(Locale.ROOT, "  weekly_reports_ms=%.0f (%d reports with charts, one per Wednesday: %.3f ms each)%n",
                median.weekly(), median.reports(), median.weekly() / median.reports());
        out.printf(Locale.ROOT, "  daily_detector_ms=%.0f (change detector as of every calendar day, %d detections)%n",
                median.daily(), median.detections());
        out.printf(Locale.ROOT, "  analysis / load = %.2f%n", (median.total() - median.load()) / median.load());
        out.printf(Locale.ROOT, "market_history_ms=%.0f load_ms=%.0f reports=%d detections=%d%n", median.total(),
                median.load(), median.reports(), median.detections());
        return 0;
    }

    private static Round round(Path dir) throws Exception {
        long t0 = System.nanoTime();
        MarketData data = MarketDataLoader.load(dir);
        long t1 = System.nanoTime();
        MarketAnalysis analysis = new MarketAnalysis(data, MarketSettings.defaults());
        long t2 = System.nanoTime();
        LocalDate start = LocalDate.of(1982, 8, 25);
        LocalDate end = LocalDate.of(2026, 8, 31);
        int reports = 0;
        long sink = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusWeeks(1)) {
            MarketReport r = analysis.report(d);
            sink += r.findings().size();
            reports++;
        }
        long t3 = System.nanoTime();
        int detections = ChangeBacktest.run(analysis, start, end).size();
        long t4 = System.nanoTime();
        if (sink < 0 || start.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            throw new IllegalStateException("weekly reports must fall on Wednesdays");
        }
        return new Round((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, reports, detections);
    }
}
