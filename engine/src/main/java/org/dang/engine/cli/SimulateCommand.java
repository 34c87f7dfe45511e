package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduHistoryWriter;
import org.dang.engine.plant.sim.EventSchedule;
import org.dang.engine.plant.sim.SampleMonth;

/** {@code dang simulate}: writes a simulated crude unit history with its tags, labels and README. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate the crude distillation unit and write history.csv.gz, tags.csv, labels.csv,"
                + " schedule.csv and README.md into a folder.",
                "Without --schedule the built-in sample month of events is played."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "30", description = "Days to simulate, one row per minute (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "20261124", description = "Seed of all random streams (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--schedule", paramLabel = "FILE", description = "Event schedule CSV: start,end,kind,target,magnitude,detail.")
    Path schedule;

    @Option(names = "--start", defaultValue = "2026-11-01T00:00:00Z",
            description = "Simulated start time, ISO-8601 UTC (default ${DEFAULT-VALUE}).")
    Instant start;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1) {
            err.println("--days must be 1 or more");
            return 2;
        }
        EventSchedule events = schedule == null ? SampleMonth.schedule(start) : EventSchedule.read(schedule);
        CduHistoryWriter.Result r = CduHistoryWriter.write(out, CduConfig.defaults(seed).withStart(start), days, events);
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "wrote %s: %s (%,d rows x %d tags, %.1f MB), %s, %s (%d events), %s, %s",
                r.dir(), CduHistoryWriter.HISTORY, r.rows(), r.tags(), r.historyBytes() / 1e6, CduHistoryWriter.TAGS,
                CduHistoryWriter.LABELS, r.labels(), CduHistoryWriter.SCHEDULE, CduHistoryWriter.README));
        o.flush();
        return 0;
    }
}
