package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.DecisionExport;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/** {@code dang history}: queries the decision log with filters and exports it. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Query the decision history (newest first) and print or export it.")
public final class HistoryCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, csv, jsonl }

    @Option(names = "--from", paramLabel = "TIME", description = "Decided at or after (ISO instant or YYYY-MM-DD, UTC).")
    String from;
    @Option(names = "--to", paramLabel = "TIME", description = "Decided before (ISO instant or YYYY-MM-DD, UTC).")
    String to;
    @Option(names = "--module", description = "forecasting, analysis or optimization.")
    String module;
    @Option(names = "--source", description = "RULES, LLM or LLM_OVERRULED.")
    DecisionSource source;
    @Option(names = "--action", description = "INVOKE, ALERT, DEFER or NONE.")
    DecisionAction action;
    @Option(names = "--outcome", description = "Latest outcome: ${COMPLETION-CANDIDATES}.")
    OutcomeStatus outcome;
    @Option(names = "--text", description = "Case-insensitive text in rationale, triggers or situation id.")
    String text;
    @Option(names = "--limit", defaultValue = "50", description = "Rows per page (default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--offset", defaultValue = "0", description = "Rows to skip.")
    int offset;
    @Option(names = "--all", description = "Every matching row, for exports (--limit and --offset are ignored).")
    boolean all;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or jsonl (default ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DecisionQuery q = query();
        try (DecisionStore store = DecisionStore.open(engine.load().store().path())) {
            DecisionPage page = store.query(q);
            long total = page.total();
            List<StoredDecision> rows = all ? store.queryAll(q) : page.items();
            if (outFile != null) {
                try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                    write(rows, total, w);
                }
                spec.commandLine().getErr().println("wrote " + rows.size() + " of " + total + " decisions to " + outFile);
            } else {
                write(rows, total, spec.commandLine().getOut());
            }
        }
        return 0;
    }

    private void write(List<StoredDecision> rows, long total, Writer w) throws IOException {
        switch (format) {
            case csv -> DecisionExport.csv(rows, w);
            case jsonl -> DecisionExport.jsonLines(rows, w);
            case table -> table(rows, total, w);
        }
    }

    private static void table(List<StoredDecision> rows, long total, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.printf(Locale.ROOT, "%-7s %-27s %-6s %-12s %-16s %-13s %-10s %s%n", "SEQ", "TIME", "ACTION", "MODULE",
                "PRIORITY", "SOURCE", "OUTCOME", "RATIONALE");
        for (StoredDecision s : rows) {
            var d = s.decision();
            String rationale = d.rationale().length() > 90 ? d.rationale().substring(0, 87) + "..." : d.rationale();
            out.printf(Locale.ROOT, "%-7d %-27s %-6s %-12s %-16s %-13s %-10s %s%n", s.seq(), d.time(), d.action(),
                    d.module() == null ? "-" : d.module().key(), d.priority() == null ? "-" : d.priority().name(),
                    d.source(), s.outcome().map(o -> o.status().name()).orElse("-"), rationale);
        }
        out.printf(Locale.ROOT, "%d of %d matching decisions%n", rows.size(), total);
        out.flush();
    }

    private DecisionQuery query() {
        ModuleName m = null;
        if (module != null) {
            m = ModuleName.fromKey(module).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--module '" + module + "' is not a module; use forecasting, analysis or optimization"));
        }
        try {
            return DecisionQuery.latest(limit).page(offset, limit)
                    .between(time("--from", from), time("--to", to))
                    .withModule(m).withSource(source).withAction(action).withOutcome(outcome).withText(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Instant time(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " '" + value
                    + "' is not a time; use 2026-11-24 or 2026-11-24T06:00:00Z");
        }
    }
}
