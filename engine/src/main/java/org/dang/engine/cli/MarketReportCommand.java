package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.module.market.ChangeBacktest;
import org.dang.engine.module.market.Detection;
import org.dang.engine.module.market.Finding;
import org.dang.engine.module.market.MarketAnalysis;
import org.dang.engine.module.market.MarketReport;
import org.dang.engine.module.market.MarketSettings;
import org.dang.engine.module.market.loading.MarketDataLoader;
import org.dang.engine.module.market.loading.SeriesId;
import org.dang.engine.situation.MarketIndicators;

/** {@code dang market-report}: the oil market analysis as of a date, from data published by then. */
@Command(name = "market-report", mixinStandardHelpOptions = true,
        description = {"Oil market analysis from the bundled EIA data as of a date, using only data published by the"
                + " end of that day (weekly data: Wednesday 15:30 UTC after the week ending Friday; daily prices: the"
                + " day they are for).",
                "Last line: SUMMARY as_of=DATE findings=N changes=C"})
public final class MarketReportCommand implements Callable<Integer> {

    @Option(names = "--as-of", paramLabel = "DATE", description = "Date of the report, YYYY-MM-DD (default: today, UTC).")
    String asOf;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The oil-market data set (default: sample-plant-data/oil-market of the installation).")
    Path data;

    @Option(names = "--backtest", paramLabel = "FROM..TO",
            description = "Instead of one report, list the change detector's detections for every day FROM..TO"
                    + " (e.g. 2008-01-01..2008-12-31).")
    String backtest;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MarketSettings settings = MarketSettings.of(engine.load().decisionEngine().rules());
        MarketAnalysis analysis = new MarketAnalysis(MarketDataLoader.load(data != null ? data
                : MarketDataLoader.defaultDirectory()), settings);
        if (backtest != null) {
            String[] range = backtest.split("\\.\\.");
            if (range.length != 2) {
                throw new ParameterException(spec.commandLine(), "--backtest '" + backtest + "': expected FROM..TO");
            }
            LocalDate from = date("--backtest", range[0]);
            LocalDate to = date("--backtest", range[1]);
            List<Detection> found = ChangeBacktest.run(analysis, from, to);
            out.println("Change detections " + from + " .. " + to + " (as of the end of each day; an episode is"
                    + " the same change reported on consecutive days)");
            out.println("detected    last seen   kind                subject                          peak sigma  since");
            for (Detection d : found) {
                out.printf(Locale.ROOT, "%s  %s  %-18s  %-31s  %10s  %s%n    %s%n", d.detected(), d.lastSeen(), d.kind(),
                        d.subject(), Double.isNaN(d.peakSigma()) ? "-" : String.format(Locale.ROOT, "%+.1f",
                                d.peakSigma()), d.since(), d.headline());
            }
            out.println("SUMMARY backtest=" + from + ".." + to + " detections=" + found.size());
            return 0;
        }
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : date("--as-of", asOf);
        MarketReport r = analysis.report(date);
        print(r, settings, out);
        return 0;
    }

    /** Prints {@code r} for people, ending with the SUMMARY line. */
    static void print(MarketReport r, MarketSettings s, PrintWriter out) {
        out.println("Oil market report as of " + r.asOf() + " (data published by " + r.asOfInstant()
                + "; weekly EIA data counts from the Wednesday 15:30 UTC after its week ending Friday)");
        StringBuilder through = new StringBuilder("Data through:");
        for (Map.Entry<SeriesId, LocalDate> e : r.dataThrough().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            through.append(' ').append(e.getKey().eiaKey()).append('=').append(e.getValue());
        }
        out.println(through);
        MarketIndicators m = r.indicators();
        boolean fires = Math.abs(m.priceMoveSigma()) > s.marketSigma() || Math.abs(m.crackSpreadMoveSigma())
                > s.marketSigma() || Math.abs(m.inventorySurpriseSigma()) > s.inventorySigma()
                || Math.abs(m.marginShiftPct()) > s.marginShiftPct();
        out.printf(Locale.ROOT, "Rule 4 inputs: price_move_sigma=%+.2f crack_spread_move_sigma=%+.2f"
                        + " inventory_surprise_sigma=%+.2f margin_shift_pct=%+.1f data_quality=%s -> market trigger %s%n",
                m.priceMoveSigma(), m.crackSpreadMoveSigma(), m.inventorySurpriseSigma(), m.marginShiftPct(),
                m.dataQuality(), fires ? "fires" : "quiet");
        if (r.findings().isEmpty()) {
            out.println("No findings: no series has current data as of " + r.asOf() + " (see the notes; the bundled"
                    + " EIA data ends in 2021-2026 depending on the series). Pass --as-of DATE for an earlier date.");
        } else {
            out.println("Findings, most important first:");
        }
        int n = 1;
        for (Finding f : r.findings()) {
            out.printf(Locale.ROOT, "%3d. %-7s %-18s %s%n", n++, f.change() ? "CHANGE" : "", f.kind(), f.headline());
        }
        if (!r.notes().isEmpty()) {
            out.println("Notes:");
            r.notes().forEach(note -> out.println("  - " + note));
        }
        out.println("Source: U.S. Energy Information Administration (EIA); crack spreads computed from EIA prices.");
        out.println("SUMMARY as_of=" + r.asOf() + " findings=" + r.findings().size() + " changes=" + r.changes().size());
    }

    private LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
