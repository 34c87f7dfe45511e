package org.dang.app.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.app.console.ConsoleWindow;
import org.dang.app.console.Theme;
import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.assistant.ChatPlant;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;

/**
 * The Chat tab of the real console over the engine's assistant, with the model answering from a
 * loopback OpenAI-compatible server (DeepSeek-R1 replies over the real streaming wire format): tool
 * steps, proposal cards, memory restored for the signed-in user.
 */
class ChatViewTest {

    @TempDir
    Path dir;

    private ScriptedOpenAiServer server;
    private Engine engine;
    private ChatPlant plant;
    private ConsoleWindow window;
    private String previousHome;
    private final FxRobot robot = new FxRobot();
    private final ChatPane pane = new ChatPane(robot);

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
        previousHome = System.setProperty("dang.home", "..");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        if (plant != null) {
            plant.close();
        }
        server.close();
        if (previousHome == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", previousHome);
        }
    }

    private void engine(boolean withModel) {
        plant = ChatPlant.open(dir, withModel ? server : null);
        engine = plant.engine();
    }

    private void open(User user, boolean withModel) throws Exception {
        if (engine == null) {
            engine(withModel);
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, user, dir.resolve("config.yaml"), Theme.LIGHT);
            window.show(s);
        });
        pane.open(withModel);
    }

    private static User user(String name, Role role) {
        return new User(name, role, "test");
    }

    private void ask(String question) throws Exception {
        pane.ask(question);
    }

    private static ScriptedOpenAiServer.Reply reply(String reasoning, String answer, Duration gap) {
        return ChatPlant.reply(reasoning, answer, gap);
    }

    private String text(String id) {
        return pane.text(id);
    }

    @Test
    void aForecastQuestionShowsTheToolStepAndTheAnswerAndASetpointRequestBecomesACard() throws Exception {
        open(user("op.lee", Role.OPERATOR), true);
        server.then(ChatPlant.forecastRequest());
        server.then(reply("The ridge forecast is back; the yield swings with the daily cycle.",
                "Naphtha yield should stay between 18 and 22 % over the next 12 hours, lowest around 06:00.",
                Duration.ofMillis(20)));
        ask("Forecast the naphtha yield for the next 12 hours");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));
        assertEquals("Naphtha yield should stay between 18 and 22 % over the next 12 hours, lowest around 06:00.",
                text("#chat-answer-0"));
        String step = text("#chat-step-0-0");
        assertTrue(step.startsWith("\u2713 forecasting: naphtha_yield: 12 steps by Ridge"), step);
        assertEquals(2, server.received().size());
        String secondPrompt = server.received().get(1).body().path("messages").get(0).path("content").asText();
        assertTrue(secondPrompt.contains("tool_results") && secondPrompt.contains("naphtha_yield: 12 steps"));
        TitledPane r = robot.lookup("#chat-reasoning-0").query();
        assertFalse(r.isExpanded(), "reasoning starts collapsed");
        assertTrue(((Label) r.getContent()).getText().contains("I have none, so I ask the forecaster"));

        pane.proposeAndApprove(server, engine, 1, "op.lee", "chat.png");
        assertTrue(engine.store().auditTrail(50).stream().anyMatch(e -> e.actor().equals("op.lee")
                && e.action().equals("request_module_run") && e.target().equals("module forecasting (chat)")));
    }

    @Test
    void theConversationIsRestoredForTheSignedInUserOnlyAndCanBeCleared() throws Exception {
        open(user("op.lee", Role.OPERATOR), true);
        server.then(reply("Easy.", "The reflux is 180 m³/h.", Duration.ZERO));
        ask("What is the reflux?");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));
        FxToolkit.cleanupStages();
        window.close();

        open(user("op.lee", Role.OPERATOR), true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "The reflux is 180 m³/h.".equals(text("#chat-answer-0")));
        FxToolkit.cleanupStages();
        window.close();

        open(user("op.kim", Role.OPERATOR), true);
        // The window's background work runs in order: the chain check comes after the conversation's restore.
        Label chain = robot.lookup("#chain-status").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chain.getText().startsWith("Decision log verified"));
        server.then(reply("Fine.", "The feed is 400 t/h.", Duration.ZERO));
        ask("What is the feed?");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));
        assertEquals("The feed is 400 t/h.", text("#chat-answer-0"), "another operator sees none of op.lee's");
        assertEquals(1, robot.lookup(".chat-exchange").queryAll().size());
        FxToolkit.cleanupStages();
        window.close();

        open(user("op.lee", Role.OPERATOR), true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".chat-exchange").queryAll().size() == 1);
        Button clear = robot.lookup("#chat-clear").queryButton();
        robot.interact(clear::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".chat-exchange").queryAll().isEmpty());
        assertTrue(engine.store().conversationTurns("op.lee", 0, 10).isEmpty());
    }

    @Test
    void cancelStopsTheReply() throws Exception {
        open(user("op.eng", Role.ENGINEER), true);
        server.then(reply(String.join(" ", java.util.Collections.nCopies(200, "step")), "never", Duration.ofMillis(40)));
        ask("Summarise the last shift.");
        TitledPane r = robot.lookup("#chat-reasoning-0").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> r.getText().startsWith("Thinking")
                && !((Label) r.getContent()).getText().isEmpty());
        Button cancel = robot.lookup("#chat-cancel").queryButton();
        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Cancelled.".equals(text("#chat-error-0")));
        assertTrue(cancel.isDisabled());
        assertFalse(robot.lookup("#chat-regenerate").queryButton().isDisabled());
    }

    @Test
    void withoutAModelThePaneSaysHowToSetOneUpAndTheConsoleWorksOn() throws Exception {
        open(user("operator", Role.OPERATOR), false);
        Label model = robot.lookup("#chat-model").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.getText().startsWith("No language model"));
        assertTrue(model.getText().contains("orchestrator.llm.openai.url") && model.getText().contains("docs/llm.md"),
                model.getText());
        assertTrue(robot.lookup("#chat-input").query().isDisabled());
        assertTrue(robot.lookup("#chat-ask").queryButton().isDisabled());
        Node actions = robot.lookup("#chat-ask").queryButton().getParent().getParent();
        assertTrue(String.valueOf(actions.getUserData()).contains("No language model"));
        robot.clickOn("Decisions");
        robot.clickOn("Overview");
        assertEquals(0, server.received().size());
    }

    @Test
    void aViewerMayNeitherAskNorApproveAndIsToldWhy() throws Exception {
        engine(true);
        // The viewer once asked as an operator; that conversation's card is restored, but not for approval.
        var run = engine.modules().submit(engine.requestFor(org.dang.engine.module.ModuleName.OPTIMIZATION,
                java.util.Map.of()), org.dang.engine.module.WorkPriority.OPERATOR_REQUEST);
        var p = (org.dang.engine.module.optimize.OptimizationProposal) run.result().get(60, TimeUnit.SECONDS);
        engine.proposals().orElseThrow().offer(p);
        engine.store().appendTurn("sam", "OPERATOR", "Propose something", null, Instant.now());
        engine.store().appendTurn("sam", "ASSISTANT", "Here is a proposal.", org.dang.engine.json.Json.write(
                java.util.Map.of("status", "ANSWERED", "proposals", List.of(
                        org.dang.engine.assistant.ProposalCard.of(p)))), Instant.now());
        open(user("sam", Role.VIEWER), true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Here is a proposal.".equals(text("#chat-answer-0")));
        assertTrue(robot.lookup("#chat-ask").queryButton().isDisabled());
        Node actions = robot.lookup("#chat-ask").queryButton().getParent().getParent();
        assertEquals("Only the operator or engineer role may ask the assistant; you are signed in as viewer.",
                actions.getUserData());
        Button approve = robot.lookup("#chat-approve-" + p.id()).queryButton();
        assertTrue(approve.isDisabled());
        assertEquals("Only the operator or engineer role may approve setpoint changes; you are signed in as viewer.",
                approve.getParent().getUserData());
        assertTrue(robot.lookup("#chat-reject-" + p.id()).queryButton().isDisabled());
    }
}
