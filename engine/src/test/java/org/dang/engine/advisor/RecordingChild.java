package org.dang.engine.advisor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/**
 * Child JVM for {@link ReplayAcrossProcessesTest}: records one model-assisted cycle (recorded model
 * output) into the store given as argument and prints the decision ids, one a line.
 */
public final class RecordingChild {

    private RecordingChild() {
    }

    public static void main(String[] args) {
        DecisionEngine rules = new DecisionEngine(DangConfig.defaults(), InstantSource.system());
        RecordedChatModel model = RecordedChatModel.answering("slate first",
                DecisionAdvisorTest.answer("INVOKE", "\"optimization\"", "{\"objective\":\"product_slate\"}", 0.9));
        var earlier = rules.decide(Situations.safetyAndOperator());
        try (DecisionStore store = DecisionStore.open(Path.of(args[0]))) {
            AdvisedDecisions out = new DecisionAdvisor(rules, model, Duration.ofSeconds(5), InstantSource.system())
                    .decide(Situations.severalTriggers(), earlier);
            List<StoredDecision> stored = new AdviceLog(store).record(Situations.severalTriggers(), out);
            stored.forEach(d -> System.out.println(d.decision().id()));
        }
    }
}
