package org.dang.app.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
import org.dang.app.console.Waits;
import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.advisor.AdvisedEngines;
import org.dang.engine.advisor.AdvisedEngines.SteadyFeed;
import org.dang.engine.access.User;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.StoredDecision;

/**
 * The advisor panel on the Decisions tab of the real console: pending questions with their deadline
 * bar and the model's thinking streaming in, "Ask the advisor" for operators, the answer in the
 * history with its advice. The model is a loopback OpenAI-compatible server held back by latches.
 */
class AdvisorPanelTest {

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
        engine = AdvisedEngines.open(dir.resolve("decisions"), withModel ? server : null);
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

        engine.decideWithAdvice(SituationReader.parse(AdvisedEngines.SEVERAL_TRIGGERS, "test situation"));

        Waits.onFx(10, () -> robot.lookup(".advisor-thinking").queryAll().stream()
                .anyMatch(t -> ((TextArea) t).getText().contains("the product slate matters more")));
        Label availability = robot.lookup("#advisor-availability").query();
        assertTrue(availability.getText().startsWith("1 question is waiting"), availability.getText());
        assertEquals(1, rulesGate.getCount(), "the model is still held back");

        TextField question = robot.lookup("#advisor-question").query();
        robot.interact(() -> question.setText("Is the column stable enough to push feed 3 %?"));
        robot.interact(() -> robot.lookup("#advisor-ask").queryButton().fire());
        Waits.onFx(10, () -> robot.lookup(".advisor-request").queryAll().size() == 2
                && robot.lookup(".advisor-thinking").queryAll().stream()
                .anyMatch(t -> ((TextArea) t).getText().contains("pushing feed 3 %")));
        Label message = robot.lookup("#advisor-message").query();
        assertTrue(message.getText().startsWith("Asked at"), message.getText());
        assertTrue(Waits.readOnFx(() -> robot.lookup(".advisor-request").queryAll().stream().anyMatch(n -> n
                .lookupAll(".label").stream()
                .anyMatch(l -> ((Label) l).getText().contains("Is the column stable enough to push feed 3 %?")))));
        double deadline = Waits.readOnFx(() -> robot.lookup(".advisor-deadline").<ProgressBar>query().getProgress());
        assertTrue(deadline >= 0 && deadline < 1, "deadline bar " + deadline);
        assertTrue(engine.store().auditTrail(10).stream().anyMatch(a -> a.action().equals("ask_advisor")
                && a.result().equals("OK") && a.actor().equals("op.lee")));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, availability, "advisor.png");

        rulesGate.countDown();
        operatorGate.countDown();
        Waits.onFx(10, () -> robot.lookup(".advisor-request").queryAll().isEmpty());
        TableView<StoredDecision> table = robot.lookup("#history-table").query();
        Waits.onFx(10, () -> table.getItems().stream()
                .anyMatch(s -> s.decision().source() == DecisionSource.LLM && s.decision().module() != null));
        StoredDecision llm = Waits.readOnFx(() -> table.getItems().stream().filter(s -> s.decision().source()
                == DecisionSource.LLM && s.decision().module() != null).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(llm));
        TextArea detail = robot.lookup("#history-detail").query();
        Waits.onFx(10, () -> detail.getText().contains("\nAdvice "));
        String text = Waits.readOnFx(detail::getText);
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
}
