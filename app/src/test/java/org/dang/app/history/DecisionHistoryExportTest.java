package org.dang.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.Situation;
import org.dang.engine.client.DecisionHistory;
import org.dang.engine.client.Subscription;
import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/** The history view's export writes every decision that matches its filters, not just the page shown. */
class DecisionHistoryExportTest {

    @TempDir
    Path dir;

    @Test
    void exportWritesAllMatchesBeyondOnePage() throws Exception {
        FxToolkit.registerPrimaryStage(); // filter changes refresh the view through the FX thread
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"))) {
            DecisionEngine rules = new DecisionEngine(DangConfig.defaults(), InstantSource.system());
            for (int i = 0; i < 1200; i++) {
                Situation s = new Situation("s" + i, Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * i), "",
                        null, null, null, null, null, i % 3 == 0 ? List.of(new OperatorRequest("r" + i,
                        ModuleName.ANALYSIS, null, "op", "")) : null, null, null);
                store.record(s, rules.decide(s));
            }
            DecisionHistory history = new DecisionHistory() {
                @Override
                public DecisionPage page(DecisionQuery query) {
                    return store.query(query);
                }

                @Override
                public List<StoredDecision> all(DecisionQuery query) {
                    return store.queryAll(query);
                }

                @Override
                public Optional<String> situationJson(String situationHash) {
                    return store.situationJson(situationHash);
                }

                @Override
                public Optional<AdviceRecord> adviceFor(UUID decisionId) {
                    return store.adviceFor(decisionId);
                }

                @Override
                public Subscription watch(Runnable changed) {
                    return () -> {
                    };
                }
            };
            DecisionHistoryViewModel vm = new DecisionHistoryViewModel(history, Executors.newSingleThreadExecutor());
            StringWriter all = new StringWriter();
            // 800 situations decide NONE; 400 analysis requests without market data are gated: ALERT + DEFER.
            assertEquals(1600, vm.export(all, true));
            assertEquals(1600, all.toString().lines().count());

            vm.moduleProperty().set(ModuleName.ANALYSIS);
            StringWriter csv = new StringWriter();
            assertEquals(400 * 2, vm.export(csv, false), "analysis requests without market data: ALERT + DEFER each");
            assertTrue(csv.toString().startsWith("seq,id,time,situation_id"));
        }
    }
}
