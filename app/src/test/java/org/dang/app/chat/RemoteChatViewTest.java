package org.dang.app.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
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
import org.dang.engine.assistant.ChatPlant;
import org.dang.engine.client.remote.RemoteEngine;
import org.dang.engine.client.remote.RemoteSettings;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;
import org.dang.engine.store.AuditEvent;

/**
 * The Chat tab of a console on a remote engine: a real engine behind a real {@link ApiServer} on loopback
 * (dang serve), its model a loopback OpenAI-compatible server streaming DeepSeek-R1 replies, and a
 * {@link ConsoleWindow} over {@link RemoteEngine} with a bearer token. The answer streams in, the tool step
 * and the proposal card show and the card is approved on the engine as the token's user; a viewer token
 * may not ask; when the engine goes away mid-answer the pane says so and keeps the conversation.
 */
class RemoteChatViewTest {

    @TempDir
    Path dir;

    private ScriptedOpenAiServer model;
    private ChatPlant plant;
    private Engine engine;
    private ApiServer server;
    private ConsoleWindow window;
    private String operator;
    private String viewer;
    private String previousHome;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        previousHome = System.setProperty("dang.home", "..");
        model = new ScriptedOpenAiServer();
        plant = ChatPlant.open(dir, model);
        engine = plant.engine();
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        operator = tokens.add("op.lee", Role.OPERATOR);
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000),
                ModuleRequests.standard());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        server.close();
        plant.close();
        model.close();
        if (previousHome == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", previousHome);
        }
    }

    private void open(String token) throws Exception {
        RemoteEngine remote = RemoteEngine.connect(new RemoteSettings(server.uri(), token, Optional.empty(),
                Optional.empty()));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(remote, dir.resolve("config.yaml"), Theme.LIGHT);
            window.show(s);
        });
        robot.clickOn("Chat");
        Label line = robot.lookup("#chat-model").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> line.getText().startsWith("Model: openai"));
    }

    private void ask(String question) throws Exception {
        int before = robot.lookup(".chat-exchange").queryAll().size();
        TextArea input = robot.lookup("#chat-input").query();
        robot.interact(() -> input.setText(question));
        robot.interact(() -> robot.lookup("#chat-ask").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".chat-exchange").queryAll().size() > before);
    }

    private String text(String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @Test
    void anOperatorAsksTheRemoteEngineAndSeesTheStreamedAnswerAToolStepAndAProposalCard() throws Exception {
        open(operator);
        model.then(ChatPlant.forecastRequest());
        String answer = "Naphtha yield should stay between 18 and 22 % over the next 12 hours, lowest around 06:00.";
        model.then(ChatPlant.reply("The ridge forecast is back; the yield swings with the daily cycle.", answer,
                Duration.ofMillis(60)));
        ask("Forecast the naphtha yield for the next 12 hours");
        // The answer arrives piece by piece over the engine's event stream, before the reply ends.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#chat-answer-0").isEmpty()
                && text("#chat-footer-0").equals("answering ..."));
        assertTrue(answer.startsWith(text("#chat-answer-0")) && !answer.equals(text("#chat-answer-0")),
                text("#chat-answer-0"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));
        assertEquals(answer, text("#chat-answer-0"));
        String step = text("#chat-step-0-0");
        assertTrue(step.startsWith("\u2713 forecasting: naphtha_yield: 12 steps by Ridge"), step);
        TitledPane reasoning = robot.lookup("#chat-reasoning-0").query();
        assertTrue(((Label) reasoning.getContent()).getText().contains("I have none, so I ask the forecaster"));
        assertTrue(engine.store().auditTrail(50).stream().anyMatch(e -> e.actor().equals("op.lee")
                && e.action().equals("request_module_run") && e.target().equals("module forecasting (chat)")),
                "the engine ran the tool as the token's user");

        model.then(ChatPlant.reply("The optimiser has proposed; the operator must approve.",
                "I cannot change a setpoint myself. The optimiser's proposal is on the card below for your approval.",
                Duration.ofMillis(5)));
        ask("Raise the coil outlet to 365");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#chat-footer-1").startsWith("openai"));
        assertTrue(text("#chat-step-1-0").startsWith("\u2713 optimization: optimisation"), text("#chat-step-1-0"));
        VBox cards = robot.lookup("#chat-cards-1").query();
        assertEquals(1, cards.getChildren().size());
        String id = engine.proposals().orElseThrow().openProposals().getFirst().id();
        Button approve = robot.lookup("#chat-approve-" + id).queryButton();
        Screenshots.write(robot, cards, "chat-remote.png");
        if (!approve.isDisabled()) {
            robot.interact(approve::fire);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#chat-card-outcome-" + id).isEmpty());
            String outcome = text("#chat-card-outcome-" + id);
            assertTrue(outcome.startsWith("Approved: applied") || outcome.startsWith("Not done: the safety layer"),
                    outcome);
            AuditEvent a = engine.store().auditTrail(50).stream().filter(e -> e.action().equals("approve_setpoint"))
                    .findFirst().orElseThrow();
            assertEquals("op.lee", a.actor());
            if (outcome.startsWith("Approved")) {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#chat-approve-" + id)
                        .queryButton().isDisabled());
            }
        }
    }

    @Test
    void aViewerTokenMayNotAskAndIsToldWhy() throws Exception {
        open(viewer);
        assertTrue(robot.lookup("#chat-ask").queryButton().isDisabled());
        assertTrue(robot.lookup("#chat-input").query().isDisabled());
        Node actions = robot.lookup("#chat-ask").queryButton().getParent().getParent();
        assertEquals("Only the operator or engineer role may ask the assistant; you are signed in as viewer.",
                actions.getUserData());
        assertEquals(0, model.received().size());
    }

    @Test
    void whenTheEngineGoesAwayMidAnswerThePaneSaysSoAndKeepsTheConversation() throws Exception {
        open(operator);
        model.then(ChatPlant.reply("Easy.", "The reflux is 180 m³/h.", Duration.ZERO));
        ask("What is the reflux?");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));

        model.then(ChatPlant.reply("step ".repeat(400), "never", Duration.ofMillis(40)));
        ask("Summarise the last shift.");
        TitledPane reasoning = robot.lookup("#chat-reasoning-1").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !((Label) reasoning.getContent()).getText().isEmpty());
        server.close();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#chat-error-1").isEmpty());
        String error = text("#chat-error-1");
        assertTrue(error.contains(server.uri().toString().replaceAll("/$", "")) && (error.contains("broke during the answer")
                || error.contains("ended the answer before the reply")), error);
        assertEquals("Summarise the last shift.", ((Label) robot.lookup(".chat-question").queryAll().stream()
                .skip(1).findFirst().orElseThrow()).getText(), "the question stays, to be asked again");
        assertEquals("The reflux is 180 m³/h.", text("#chat-answer-0"), "the earlier answer stays");
        assertFalse(robot.lookup("#chat-regenerate").queryButton().isDisabled());

        // Asked again while the engine is down: at once, a clear reason; nothing the engine recorded is lost.
        robot.interact(() -> robot.lookup("#chat-regenerate").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#chat-error-2").isEmpty());
        assertTrue(text("#chat-error-2").contains("cannot reach the engine at"), text("#chat-error-2"));
        assertTrue(text("#chat-error-2").contains("is dang serve running there?"), text("#chat-error-2"));
        assertEquals(List.of("What is the reflux?", "The reflux is 180 m³/h."), engine.store()
                .conversationTurns("op.lee", 0, 10).stream().limit(2).map(t -> t.text()).toList());
    }
}
