package org.dang.engine.assistant;

import static org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.sse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.SimulatorSource;
import org.dang.engine.situation.Quality;

/**
 * The engine the chat tests talk to: the shipped modules, a simulated CDU that takes setpoint moves (so
 * the assistant's setpoint requests become proposal cards), 20 days of hourly naphtha yield to forecast,
 * and the model behind a loopback OpenAI-compatible server (or none). Needs {@code dang.home} set to the
 * repository root (the market data set).
 *
 * @param engine the engine, its store under the given folder
 * @param unit   the simulated unit behind the proposal desk
 */
public record ChatPlant(Engine engine, SimulatorSource unit) implements AutoCloseable {

    /** Opens the engine with its store under {@code dir}; {@code model} answers its questions, or none when null. */
    public static ChatPlant open(Path dir, ScriptedOpenAiServer model) {
        DangConfig d = DangConfig.defaults();
        DangConfig config = model == null ? d : new DangConfig(new OrchestratorConfig(d.orchestrator().llm()
                .withOpenai(new OpenAiBackendConfig(Optional.of(model.url()), Optional.of("deepseek-r1-distill-qwen-7b"),
                        Optional.empty(), Duration.ofSeconds(10)))), d.modules(), d.decisionEngine(), d.store());
        Engine engine = EngineModules.installAvailable(Engine.open(config.withStore(dir.resolve("decisions"))));
        SimulatorSource unit = new SimulatorSource(new CduSimulator(CduConfig.defaults(7)), Duration.ofHours(1));
        EngineModules.installOptimization(engine, unit);
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 24 * 20; i++) {
            Instant t = t0.plus(Duration.ofHours(i));
            double v = 20 + 2 * Math.sin(2 * Math.PI * i / 24) + 0.3 * Math.sin(i * 1.7);
            engine.plant().tags().append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, Quality.GOOD))));
        }
        return new ChatPlant(engine, unit);
    }

    /** An R1 reply streamed word by word, {@code gap} apart: {@code reasoning}, then {@code answer}. */
    public static ScriptedOpenAiServer.Reply reply(String reasoning, String answer, Duration gap) {
        return sse(r1Reply(words(reasoning), words(answer), 400), gap);
    }

    /** The reply asking the forecaster for 12 hours of naphtha yield by ridge. */
    public static ScriptedOpenAiServer.Reply forecastRequest() {
        return reply("The operator wants a naphtha forecast. I have none, so I ask the forecaster.",
                "{\"action\": \"INVOKE\", \"module\": \"forecasting\", \"parameters\": {\"tags\": [\"naphtha_yield\"],"
                        + " \"horizon\": 12, \"model_selection\": \"ridge\"}, \"confidence\": 0.9, \"rationale\":"
                        + " \"A forecast is needed.\"}", Duration.ofMillis(5));
    }

    private static List<String> words(String text) {
        return List.of(text.split("(?<= )"));
    }

    @Override
    public void close() {
        engine.close();
        unit.close();
    }
}
