package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.advisor.AdviceLog;
import org.dang.engine.advisor.AdvisedDecisions;
import org.dang.engine.advisor.AmbiguityCheck;
import org.dang.engine.advisor.DecisionAdvisor;
import org.dang.engine.advisor.Overrule;
import org.dang.engine.advisor.RecordedReplies;
import org.dang.engine.advisor.ReplyRecorder;
import org.dang.engine.advisor.SuiteScore;
import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.decision.ExpectedDecision;
import org.dang.engine.json.Json;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.backend.ChatModelFactory;
import org.dang.engine.llm.backend.LlmSetup;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.DecisionStore;

/**
 * {@code dang decide PATH}: decides situation files with the rules alone, or through the advisor with
 * a model (live, or recorded replies), and scores them against their expected decisions, overall and
 * on the ambiguous and unambiguous subsets (docs/advisor.md, "The situation suite").
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decide a situation JSON file or a folder of them, with the rules alone or through the advisor.",
                "Prints one JSON line per situation; when the files carry expected decisions, lists each mismatch,"
                        + " then (with --source llm) what the advisor did, the accuracy on the unambiguous and"
                        + " ambiguous subsets, and last SUMMARY accuracy=A n=N source=rules|llm.",
                "Exit 0 when every file was read and every unambiguous situation matched, 1 otherwise, 2 on bad usage."})
public final class DecideCommand implements Callable<Integer> {

    /** Where decisions come from. */
    enum Source { rules, llm }

    @Parameters(paramLabel = "PATH", description = "A situation .json file or a folder of them.")
    Path path;

    @Option(names = "--record", description = "Also append the decisions (and any advice) to the decision store.")
    boolean record;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "rules",
            description = "rules: the rules alone (default); llm: the advisor, which asks the model when the rules'"
                    + " answer is ambiguous.")
    Source source;

    @Option(names = "--recorded", paramLabel = "DIR",
            description = "With --source llm: answer from recorded replies (DIR/<situation id>.txt) instead of the"
                    + " configured model.")
    Path recorded;

    @Option(names = "--record-replies", paramLabel = "DIR",
            description = "With --source llm and a live model: save each model reply as DIR/<situation id>.txt,"
                    + " readable by --recorded.")
    Path recordReplies;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "180",
            description = "With --source llm: how long to wait for each reply before the rules decide alone"
                    + " (default ${DEFAULT-VALUE}).")
    double deadlineSeconds;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source == Source.rules && (recorded != null || recordReplies != null)) {
            throw new ParameterException(spec.commandLine(), "--recorded and --record-replies need --source llm");
        }
        if (recorded != null && recordReplies != null) {
            throw new ParameterException(spec.commandLine(),
                    "--record-replies saves live replies; it cannot be combined with --recorded");
        }
        if (!(deadlineSeconds > 0) || !Double.isFinite(deadlineSeconds)) {
            throw new ParameterException(spec.commandLine(), "--deadline must be a positive number of seconds, not "
                    + deadlineSeconds);
        }
        DangConfig config = engine.load();
        DecisionEngine rules = new DecisionEngine(config, InstantSource.system());
        AmbiguityCheck ambiguity = new AmbiguityCheck(config.decisionEngine().rules(), config.modules());
        List<SituationReader.Entry> entries = SituationReader.read(path);
        if (entries.isEmpty()) {
            err.println("no situation files (*.json) in " + path);
            return 2;
        }
        ChatModel model = null;
        ReplyRecorder recorder = null;
        if (source == Source.llm) {
            if (recorded != null) {
                try {
                    model = new RecordedReplies(recorded);
                } catch (IllegalArgumentException e) {
                    err.println("dang decide: " + e.getMessage());
                    return 2;
                }
            } else {
                LlmSetup setup = ChatModelFactory.standard().create(config.orchestrator().llm());
                setup.problems().forEach(p -> err.println("dang decide: " + p));
                if (setup.model().isEmpty()) {
                    err.println("dang decide: " + setup.explain() + " Use --recorded DIR for recorded replies.");
                    return 2;
                }
                model = setup.model().get();
                if (recordReplies != null) {
                    try {
                        model = recorder = new ReplyRecorder(model, recordReplies);
                    } catch (IOException e) {
                        model.close();
                        err.println("dang decide: cannot create the folder for --record-replies " + recordReplies + ": " + e);
                        return 2;
                    }
                }
            }
            err.println("dang decide: advisor model " + model.info().describe());
        }
        DecisionAdvisor advisor = model == null ? null : new DecisionAdvisor(rules, model,
                Duration.ofNanos((long) (deadlineSeconds * 1e9)), InstantSource.system());
        List<String> mismatches = new ArrayList<>();
        SuiteScore score = new SuiteScore();
        try (DecisionStore store = record ? DecisionStore.open(config.store().path()) : null;
             ChatModel closing = model) {
            for (SituationReader.Entry e : entries) {
                if (!e.ok()) {
                    err.println("error: " + e.error());
                    mismatches.add(e.file().getFileName() + ": not read: " + e.error());
                    score.addUnreadable();
                    continue;
                }
                Situation s = e.situation();
                AdvisedDecisions advised;
                if (advisor != null) {
                    advised = advisor.decide(s, List.of());
                } else {
                    List<Decision> decisions = rules.decide(s);
                    advised = new AdvisedDecisions(decisions, ambiguity.assess(s, decisions), Optional.empty());
                }
                if (store != null) {
                    new AdviceLog(store).record(s, advised);
                }
                advised.advice().ifPresent(score::addAdvice);
                out.println(Json.write(line(s, advised)));
                if (!s.expected().isEmpty()) {
                    boolean same = SuiteScore.matches(advised.decisions(), s.expected());
                    score.add(advised.ambiguity().ambiguous(), same);
                    if (!same) {
                        List<ExpectedDecision> got = advised.decisions().stream().map(Decision::signature).toList();
                        mismatches.add(s.id() + (advised.ambiguity().ambiguous() ? " (ambiguous)" : "")
                                + ": expected " + s.expected() + " got " + got);
                    }
                }
            }
        }
        if (recorder != null) {
            recorder.problems().forEach(p -> err.println("dang decide: " + p));
            err.println("dang decide: recorded " + recorder.written().size() + " replies in " + recordReplies);
        }
        err.flush();
        if (score.scored() == 0) {
            return 0;
        }
        mismatches.forEach(m -> out.println("MISMATCH " + m));
        if (source == Source.llm) {
            out.println(score.advisorLine());
        }
        out.println(score.subsetsLine());
        out.println(score.summaryLine(source.name()));
        out.flush();
        return score.unambiguousAllCorrect() ? 0 : 1;
    }

    private static Map<String, Object> line(Situation s, AdvisedDecisions advised) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("situation", s.id());
        m.put("decisions", advised.decisions().stream().map(DecideCommand::summary).toList());
        m.put("ambiguous", advised.ambiguity().reasons());
        advised.advice().ifPresent(a -> {
            Map<String, Object> adv = new LinkedHashMap<>();
            adv.put("model", a.model().describe());
            adv.put("finish", a.finish());
            adv.put("latency_ms", a.latency().toMillis());
            adv.put("overruled", a.verdict().overrule().map(Overrule::describe).orElse(null));
            m.put("advice", adv);
        });
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
}
