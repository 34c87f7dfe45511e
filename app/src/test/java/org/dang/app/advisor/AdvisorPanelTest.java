package org.dang.app.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.app.console.ConsoleWindow;
import org.dang.app.console.Screenshots;
import org.dang.app.console.Theme;
import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.AdvisorConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.StoredDecision;

/**
 * The advisor panel on the Decisions tab of the real console: pending questions with their deadline
 * bar and the model's thinking streaming in, "Ask the advisor" for operators, the answer in the
 * history with its advice. The model is a loopback OpenAI-compatible server held back by latches.
 */
class AdvisorPanelTest {

    /** Margin shift 7 % and efficiency 5 % under baseline: optimisation and analysis on two trigger kinds. */
    static final String SEVERAL_TRIGGERS = """
            {"id":"cdu-2026-11-24T06:00:00Z","time":"2026-11-24T06:00:00Z","tags":[
             {"tag":"feed_rate","value":100.0,"range":{"low":0,"high":200}},
             {"tag":"coil_outlet_temp","value":360.0,"range":{"low":300,"high":420}},
             {"tag":"tube_metal_temp","value":600.0,"range":{"low":400,"high":800}},
             {"tag":"top_temp","value":120.0,"range":{"low":50,"high":200}},
             {"tag":"top_pressure","value":3.0,"range":{"low":1,"high":5}}],
             "performance":[{"kpi":"furnace_efficiency","value":0.836,"baseline":0.88}],
             "market":{"price_move_sigma":0.1,"crack_spread_move_sigma":0.2,"inventory_surprise_sigma":0.1,
                       "margin_shift_pct":7.0}}""";

    /** Nothing to do: the rules decide alone. */
    static final String CLEAR = """
            {"id":"cdu-2026-11-24T05:45:00Z","time":"2026-11-24T05:45:00Z","tags":[
             {"tag":"feed_rate","value":100.0,"range":{"low":0,"high":200}}]}""";

    @TempDir
    Path dir;

    private ScriptedOpenAiServer server;
    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() throws Exception {
        gates.forEach(CountDownLatch::countDown);
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    private void open(Role role, boolean withModel) throws Exception {
        open(role, withModel, null);
    }

    private void open(Role role, boolean withModel, PlantDataSource plant) throws Exception {
        DangConfig d = DangConfig.defaults();
        var llm = withModel ? d.orchestrator().llm().withOpenai(new OpenAiBackendConfig(Optional.of(server.url()),
                Optional.of("deepseek-r1-distill-qwen-7b"), Optional.empty(), Duration.ofSeconds(60)))
                : d.orchestrator().llm();
        engine = Engine.open(new DangConfig(new OrchestratorConfig(llm), d.modules(), d.decisionEngine(), d.store(),
                d.server(), new AdvisorConfig(true, Duration.ofMinutes(2), 4)).withStore(dir.resolve("decisions")));
        engine.llm(); // built before the first decision, as a running server's or console's model is
        if (plant != null) {
            engine.attach(plant);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engine.plant().scanCount() >= 2);
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User(role == Role.VIEWER ? "vic.viewer" : "op.lee", role, "test"),
                    dir.resolve("config.yaml"), Theme.LIGHT);
            window.show(s);
        });
        robot.clickOn("Decisions");
    }

    /** A reply that streams {@code reasoning}, then waits for its gate before the answer. */
    private ScriptedOpenAiServer.Reply held(List<String> reasoning, String answer, CountDownLatch gate) {
        gates.add(gate);
        List<String> all = ScriptedOpenAiServer.r1Reply(reasoning, List.of(answer), 900);
        int split = 1 + reasoning.size();
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < all.size(); i++) {
                if (i == split) {
                    gate.await();
                }
                out.write(all.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    private static String answer(String action, String module, String parameters, double confidence) {
        return """
                {"action":"%s","module":%s,"parameters":%s,"confidence":%s,"rationale":"margins first"}"""
                .formatted(action, module, parameters, confidence);
    }

    @Test
    void pendingQuestionsStreamTheirThinkingAndTheAnswerLandsInTheHistoryWithItsAdvice() throws Exception {
        CountDownLatch rulesGate = new CountDownLatch(1);
        CountDownLatch operatorGate = new CountDownLatch(1);
        server.then(held(List.of("The margin moved 7 %", " while the furnace runs 5 % under baseline;",
                        " the product slate matters more than the efficiency loss."),
                answer("INVOKE", "\"optimization\"", "{\"objective\":\"product_slate\"}", 0.92), rulesGate))
                .then(held(List.of("Top pressure is mid-range and the feed rate is steady;",
                        " pushing feed 3 % keeps the column inside its limits."),
                        answer("NONE", "null", "{}", 0.85), operatorGate));
        open(Role.OPERATOR, true, new SteadyFeed());
        // An earlier, clear cycle: the rules alone, recorded at once.
        engine.decide(SituationReader.parse(CLEAR, "clear situation"));

        engine.decideWithAdvice(SituationReader.parse(SEVERAL_TRIGGERS, "test situation"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".advisor-thinking").queryAll().stream()
                .anyMatch(t -> ((TextArea) t).getText().contains("the product slate matters more")));
        Label availability = robot.lookup("#advisor-availability").query();
        assertTrue(availability.getText().startsWith("1 question is waiting"), availability.getText());
        assertEquals(1, rulesGate.getCount(), "the model is still held back");

        TextField question = robot.lookup("#advisor-question").query();
        robot.interact(() -> question.setText("Is the column stable enough to push feed 3 %?"));
        robot.interact(() -> robot.lookup("#advisor-ask").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".advisor-request").queryAll().size() == 2
                && robot.lookup(".advisor-thinking").queryAll().stream()
                .anyMatch(t -> ((TextArea) t).getText().contains("pushing feed 3 %")));
        Label message = robot.lookup("#advisor-message").query();
        assertTrue(message.getText().startsWith("Asked at"), message.getText());
        assertTrue(robot.lookup(".advisor-request").queryAll().stream().anyMatch(n -> n.lookupAll(".label").stream()
                .anyMatch(l -> ((Label) l).getText().contains("Is the column stable enough to push feed 3 %?"))));
        ProgressBar bar = robot.lookup(".advisor-deadline").query();
        assertTrue(bar.getProgress() >= 0 && bar.getProgress() < 1, "deadline bar " + bar.getProgress());
        assertTrue(engine.store().auditTrail(10).stream().anyMatch(a -> a.action().equals("ask_advisor")
                && a.result().equals("OK") && a.actor().equals("op.lee")));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, availability, "advisor.png");

        rulesGate.countDown();
        operatorGate.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".advisor-request").queryAll().isEmpty());
        TableView<StoredDecision> table = robot.lookup("#history-table").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(s -> s.decision().source() == DecisionSource.LLM));
        StoredDecision llm = table.getItems().stream().filter(s -> s.decision().source() == DecisionSource.LLM
                && s.decision().module() != null).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(llm));
        TextArea detail = robot.lookup("#history-detail").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detail.getText().contains("\nAdvice "));
        String text = detail.getText();
        assertTrue(text.contains("because SEVERAL_TRIGGERS"), text);
        assertTrue(text.contains("model openai / deepseek-r1-distill-qwen-7b, finish STOP"), text);
        assertTrue(text.contains("verdict the model's decision stood"), text);
        assertTrue(text.contains("the product slate matters more"), text);
        assertTrue(text.contains("\"objective\":\"product_slate\""), text);
    }

    @Test
    void viewersSeeThePanelButMayNotAsk() throws Exception {
        open(Role.VIEWER, true);
        Node row = robot.lookup("#advisor-ask").queryButton().getParent();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#advisor-availability").queryAs(Label.class)
                .getText().startsWith("No question"));
        assertTrue(robot.lookup("#advisor-ask").queryButton().isDisabled());
        assertTrue(robot.lookup("#advisor-question").query().isDisabled());
        Tooltip tip = (Tooltip) row.getProperties().values().stream().filter(v -> v instanceof Tooltip).findFirst()
                .orElseThrow();
        assertTrue(tip.getText().contains("Only the operator or engineer role may ask the decision advisor"),
                tip.getText());
    }

    @Test
    void withoutAModelThePanelSaysSoAndAskingIsOff() throws Exception {
        open(Role.OPERATOR, false);
        Label availability = robot.lookup("#advisor-availability").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> availability.getText().startsWith("No language model"));
        assertTrue(availability.getText().contains("orchestrator.llm.openai.url"), availability.getText());
        assertTrue(robot.lookup("#advisor-ask").queryButton().isDisabled());
        assertFalse(engine.advisorUnavailable().isEmpty());
        assertEquals(0, server.received().size());
    }

    /** Three one-minute scans of a steady feed rate: enough live data to ask about. */
    private static final class SteadyFeed implements PlantDataSource {
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
