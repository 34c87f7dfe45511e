package org.dang.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.config.DangConfig;
import org.dang.engine.module.ModuleName;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/** The shipped modules installed the way the console installs them, driven by a decision. */
class EngineModulesTest {

    @TempDir
    Path dir;

    @Test
    void anOperatorForecastRequestRunsTheForecasterAndTheLogRecordsModelAndReason() throws Exception {
        try (Engine engine = EngineModules.installAvailable(Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions"))))) {
            Instant start = Instant.parse("2026-10-01T00:00:00Z");
            for (int i = 0; i < 24 * 20; i++) {
                Instant t = start.plus(Duration.ofHours(i));
                double v = 20 + 2 * Math.sin(2 * Math.PI * i / 24) + 0.3 * Math.sin(i * 1.7);
                engine.plant().tags().append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, Quality.GOOD))));
            }
            List<TagSnapshot> good = List.of("feed_rate", "coil_outlet_temp", "top_temp", "tube_metal_temp", "top_pressure",
                            "naphtha_yield")
                    .stream().map(t -> new TagSnapshot(t, 1.0, "", Quality.GOOD, null, null)).toList();
            Situation s = new Situation("req", Instant.now(), "", good, null, null, null, null,
                    List.of(new OperatorRequest("r1", ModuleName.FORECASTING, Map.of("tags", List.of("naphtha_yield"),
                            "horizon", 4, "model_selection", "ridge"), "op.lee", "")), null, null);
            StoredDecision d = engine.decide(s).getFirst();
            DecisionOutcome o = await(engine, d).orElseThrow();
            assertEquals(OutcomeStatus.COMPLETED, o.status(), o.detail());
            assertTrue(o.detail().startsWith("naphtha_yield: 4 steps by Ridge (Ridge, as requested (model_selection=ridge))"),
                    o.detail());
            assertTrue(engine.store().moduleRuns(1).getFirst().detail().contains("by Ridge"));
            assertEquals(1, engine.store().forecastModels("naphtha_yield", 5).size());
        }
    }

    private static Optional<DecisionOutcome> await(Engine engine, StoredDecision s) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<DecisionOutcome> o = engine.store().find(s.decision().id()).flatMap(StoredDecision::outcome);
            if (o.isPresent()) {
                return o;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Optional.empty();
    }
}
