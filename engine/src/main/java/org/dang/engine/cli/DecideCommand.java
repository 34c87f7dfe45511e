package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.decision.ExpectedDecision;
import org.dang.engine.json.Json;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.DecisionStore;

/** {@code dang decide PATH}: applies the decision rules to situation files and scores expected decisions. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Apply the decision rules to a situation JSON file or a folder of them.",
                "Prints one JSON line per situation; when the files carry expected decisions, lists each mismatch"
                        + " and ends with SUMMARY accuracy=A n=N source=rules."})
public final class DecideCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "A situation .json file or a folder of them.")
    Path path;

    @Option(names = "--record", description = "Also append the decisions to the decision store.")
    boolean record;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DangConfig config = engine.load();
        DecisionEngine rules = new DecisionEngine(config, InstantSource.system());
        List<SituationReader.Entry> entries = SituationReader.read(path);
        if (entries.isEmpty()) {
            err.println("no situation files (*.json) in " + path);
            return 2;
        }
        List<String> mismatches = new ArrayList<>();
        int scored = 0;
        int correct = 0;
        try (DecisionStore store = record ? DecisionStore.open(config.store().path()) : null) {
            for (SituationReader.Entry e : entries) {
                if (!e.ok()) {
                    err.println("error: " + e.error());
                    mismatches.add(e.file().getFileName() + ": not read: " + e.error());
                    scored++;
                    continue;
                }
                Situation s = e.situation();
                List<Decision> decisions = rules.decide(s);
                if (store != null) {
                    store.record(s, decisions);
                }
                out.println(Json.write(line(s, decisions)));
                if (!s.expected().isEmpty()) {
                    scored++;
                    List<ExpectedDecision> got = decisions.stream().map(Decision::signature).toList();
                    if (sameMultiset(got, s.expected())) {
                        correct++;
                    } else {
                        mismatches.add(s.id() + ": expected " + s.expected() + " got " + got);
                    }
                }
            }
        }
        if (scored == 0) {
            return 0;
        }
        mismatches.forEach(m -> out.println("MISMATCH " + m));
        out.println(String.format(Locale.ROOT, "SUMMARY accuracy=%.4f n=%d source=rules",
                (double) correct / scored, scored));
        out.flush();
        return mismatches.isEmpty() ? 0 : 1;
    }

    private static Map<String, Object> line(Situation s, List<Decision> decisions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("situation", s.id());
        m.put("decisions", decisions.stream().map(DecideCommand::summary).toList());
        return m;
    }

    private static Map<String, Object> summary(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", d.action().name());
        m.put("module", d.module() == null ? null : d.module().key());
        m.put("priority", d.priority() == null ? null : d.priority().name());
        m.put("source", d.source().name());
        m.put("confidence", d.confidence());
        m.put("rationale", d.rationale());
        if (!d.parameters().isEmpty()) {
            m.put("parameters", d.parameters());
        }
        return m;
    }

    static boolean sameMultiset(List<ExpectedDecision> a, List<ExpectedDecision> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<ExpectedDecision, Integer> counts = new HashMap<>();
        a.forEach(x -> counts.merge(x, 1, Integer::sum));
        for (ExpectedDecision x : b) {
            Integer n = counts.get(x);
            if (n == null || n == 0) {
                return false;
            }
            counts.put(x, n - 1);
        }
        return true;
    }
}
