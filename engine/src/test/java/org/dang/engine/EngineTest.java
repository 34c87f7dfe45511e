package org.dang.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/** The engine end to end: decide, record, notify, dispatch to the module, record the outcome. */
class EngineTest {

    @TempDir
    Path dir;

    /** A forecasting request as an installed module would define it. */
    record HorizonRequest(int horizon) implements ModuleRequest {
        @Override
        public ModuleName module() {
            return ModuleName.FORECASTING;
        }
    }

    /** Its result. */
    record HorizonResult(int steps) implements ModuleResult {
        @Override
        public String summary() {
            return steps + " steps forecast";
        }
    }

    /** A module that reports progress and returns the horizon it was asked for. */
    static final class CountingModule implements PlantModule<HorizonRequest, HorizonResult> {
        @Override
        public ModuleName name() {
            return ModuleName.FORECASTING;
        }

        @Override
        public Class<HorizonRequest> requestType() {
            return HorizonRequest.class;
        }

        @Override
        public HorizonResult run(HorizonRequest request, RunContext context) {
            context.progress(0.5, "half way");
            return new HorizonResult(request.horizon());
        }
    }

    private static Situation forecastRequest(Object horizon, ModuleName module) {
        List<TagSnapshot> tags = List.of("feed_rate", "coil_outlet_temp", "top_temp", "tube_metal_temp", "top_pressure")
                .stream().map(t -> new TagSnapshot(t, 1.0, "", Quality.GOOD, null, null)).toList();
        return new Situation("req", Instant.now(), "", tags, null, null, null, null,
                List.of(new OperatorRequest("r1", module, Map.of("horizon", horizon), "op.lee", "")), null, null);
    }

    private Engine open() {
        DangConfig d = DangConfig.defaults();
        return Engine.open(d.withStore(dir.resolve("decisions")));
    }

    private static Optional<DecisionOutcome> awaitOutcome(Engine engine, StoredDecision s) throws Exception {
        for (int i = 0; i < 200; i++) {
            Optional<DecisionOutcome> o = engine.store().find(s.decision().id()).flatMap(StoredDecision::outcome);
            if (o.isPresent()) {
                return o;
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
        return Optional.empty();
    }

    @Test
    void invokeIsDispatchedAndItsOutcomeRecorded() throws Exception {
        try (Engine engine = open()) {
            engine.install(new CountingModule(), p -> new HorizonRequest(((Number) p.get("horizon")).intValue()));
            List<List<StoredDecision>> heard = new CopyOnWriteArrayList<>();
            engine.addDecisionListener(heard::add);

            List<StoredDecision> out = engine.decide(forecastRequest(12, ModuleName.FORECASTING));
            assertEquals(DecisionAction.INVOKE, out.getFirst().decision().action());
            assertEquals(1, heard.size());
            DecisionOutcome o = awaitOutcome(engine, out.getFirst()).orElseThrow();
            assertEquals(OutcomeStatus.COMPLETED, o.status());
            assertEquals("12 steps forecast", o.detail());
            assertEquals("COMPLETED", engine.store().moduleRuns(1).getFirst().status());
            assertTrue(engine.store().verify().intact());
        }
    }

    @Test
    void badParametersAndMissingModulesAreRejectedOutcomes() throws Exception {
        try (Engine engine = open()) {
            engine.install(new CountingModule(), p -> {
                if (!(p.get("horizon") instanceof Number n) || n.intValue() < 1) {
                    throw new IllegalArgumentException("horizon must be a positive number, got " + p.get("horizon"));
                }
                return new HorizonRequest(n.intValue());
            });
            StoredDecision bad = engine.decide(forecastRequest("soon", ModuleName.FORECASTING)).getFirst();
            DecisionOutcome o = awaitOutcome(engine, bad).orElseThrow();
            assertEquals(OutcomeStatus.REJECTED, o.status());
            assertTrue(o.detail().contains("horizon must be a positive number, got soon"), o.detail());

            StoredDecision missing = engine.decide(forecastRequest(3, ModuleName.OPTIMIZATION)).getFirst();
            DecisionOutcome m = awaitOutcome(engine, missing).orElseThrow();
            assertEquals(OutcomeStatus.REJECTED, m.status());
            assertEquals("optimization module is not installed in this build", m.detail());
        }
    }
}
