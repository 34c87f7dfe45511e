package org.dang.engine.advisor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dang.engine.Engine;
import org.dang.engine.config.AdvisorConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/**
 * What the advisor tests of the engine, the API and the console share: an engine whose advisor asks a
 * loopback OpenAI-compatible model, a situation that makes the rules ask it, and a little live data.
 */
public final class AdvisedEngines {

    /** Margin shift 7 % and efficiency 5 % under baseline: optimisation and analysis on two trigger kinds. */
    public static final String SEVERAL_TRIGGERS = """
            {"id":"cdu-2026-11-24T06:00:00Z","time":"2026-11-24T06:00:00Z","tags":[
             {"tag":"feed_rate","value":100.0,"range":{"low":0,"high":200}},
             {"tag":"coil_outlet_temp","value":360.0,"range":{"low":300,"high":420}},
             {"tag":"tube_metal_temp","value":600.0,"range":{"low":400,"high":800}},
             {"tag":"top_temp","value":120.0,"range":{"low":50,"high":200}},
             {"tag":"top_pressure","value":3.0,"range":{"low":1,"high":5}}],
             "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}],
             "market":{"price_move_sigma":0.1,"crack_spread_move_sigma":0.2,"inventory_surprise_sigma":0.1,
                       "margin_shift_pct":7.0}}""";

    private AdvisedEngines() {
    }

    /**
     * Opens an engine with its store at {@code store} whose advisor (deadline 2 min, 4 questions) asks
     * {@code model}, or has no model when null. The model is built before the first decision, as a running
     * server's or console's is.
     */
    public static Engine open(Path store, ScriptedOpenAiServer model) {
        DangConfig d = DangConfig.defaults();
        var llm = model == null ? d.orchestrator().llm() : d.orchestrator().llm().withOpenai(new OpenAiBackendConfig(
                Optional.of(model.url()), Optional.of("deepseek-r1-distill-qwen-7b"), Optional.empty(),
                Duration.ofSeconds(60)));
        Engine engine = Engine.open(new DangConfig(new OrchestratorConfig(llm), d.modules(), d.decisionEngine(),
                d.store(), d.server(), new AdvisorConfig(true, Duration.ofMinutes(2), 4)).withStore(store));
        engine.llm();
        return engine;
    }

    /** Three one-minute scans of a steady feed rate: enough live data to ask the advisor about. */
    public static final class SteadyFeed implements PlantDataSource {
        @Override
        public String name() {
            return "steady feed";
        }

        @Override
        public List<TagDefinition> tags() {
            return List.of(new TagDefinition("feed_rate", "crude feed", "m3/h", 0, 1000, null));
        }

        @Override
        public void start(PlantDataListener listener) {
            Thread.ofPlatform().name("steady-feed").start(() -> {
                Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
                for (int i = 0; i < 3; i++) {
                    Instant t = t0.plusSeconds(60L * i);
                    listener.scan(new PlantScan(t, List.of(new TagSample("feed_rate", t, 500 + i, Quality.GOOD))));
                }
            });
        }

        @Override
        public void close() {
        }
    }
}
