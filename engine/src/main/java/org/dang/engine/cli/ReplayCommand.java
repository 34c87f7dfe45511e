package org.dang.engine.cli;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.advisor.AdviceReplay;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.json.Json;
import org.dang.engine.store.DecisionStore;

/** {@code dang replay DECISION_ID}: re-runs a recorded decision from its stored inputs and model output. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a recorded decision from its stored situation and recorded model output (no model is"
                + " asked) and check that it comes out the same. Last line: SUMMARY replayed=ID same=true|false.")
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DECISION_ID", description = "The decision's id (a UUID, as dang history shows it).")
    String decisionId;

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UUID id;
        try {
            id = UUID.fromString(decisionId.strip());
        } catch (IllegalArgumentException e) {
            err.println("replay: '" + decisionId + "' is not a decision id (a UUID such as"
                    + " 3f2b8a4e-1c0d-4e5f-9a7b-2c3d4e5f6a7b)");
            return 2;
        }
        var config = engine.load();
        try (DecisionStore store = DecisionStore.open(config.store().path())) {
            AdviceReplay.Result r = new AdviceReplay(store, new DecisionEngine(config, InstantSource.system())).replay(id);
            out.println("recorded " + Json.write(AdviceReplay.describe(r.recorded().decision())));
            out.println("replayed " + Json.write(AdviceReplay.describe(r.replayed())));
            r.advice().ifPresentOrElse(a -> {
                out.println("model " + a.model().backend() + " " + a.model().model() + " | finish " + a.finish()
                        + " | latency " + a.latency().toMillis() + " ms | prompt " + a.promptVersion() + " "
                        + a.promptHash() + (r.promptHash().orElse("").equals(a.promptHash()) ? " (rebuilt: same)"
                        : " (rebuilt: " + r.promptHash().orElse("?") + ")"));
                out.println("verdict " + a.verdict().overrule().map(o -> "overruled " + o.describe())
                        .orElse("model decision stood"));
            }, () -> out.println("rules alone: no model was asked for this decision"));
            r.differences().forEach(d -> out.println("DIFFERENT " + d));
            out.println("SUMMARY replayed=" + id + " same=" + r.same());
            return r.same() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            out.println("SUMMARY replayed=" + id + " same=false");
            return 2;
        }
    }
}
