package org.dang.app.chat;

import static org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
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
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.store.AuditEvent;

/** The Chat tab of the real console, answering from a loopback OpenAI-compatible server. */
class ChatViewTest {

    @TempDir
    Path dir;

    private ScriptedOpenAiServer server;
    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() throws Exception {
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
        DangConfig d = DangConfig.defaults();
        LlmConfig llm = withModel ? d.orchestrator().llm().withOpenai(new OpenAiBackendConfig(
                Optional.of(server.url()), Optional.of("deepseek-r1-distill-qwen-7b"), Optional.empty(),
                Duration.ofSeconds(10))) : d.orchestrator().llm();
        engine = Engine.open(new DangConfig(new OrchestratorConfig(llm), d.modules(), d.decisionEngine(),
                d.store()).withStore(dir.resolve("decisions")));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User(role.name().toLowerCase(Locale.ROOT), role, "test"),
                    dir.resolve("config.yaml"), Theme.LIGHT);
            window.show(s);
        });
        robot.clickOn("Chat");
        if (withModel) {
            Label model = robot.lookup("#chat-model").query();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.getText().startsWith("Model: openai"));
        }
    }

    private void ask(String question) throws Exception {
        int before = robot.lookup(".chat-exchange").queryAll().size();
        TextArea input = robot.lookup("#chat-input").query();
        robot.interact(() -> input.setText(question));
        robot.interact(() -> robot.lookup("#chat-ask").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".chat-exchange").queryAll().size() > before);
    }

    private static List<String> words(String prefix, int n) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(prefix + i);
        }
        return w;
    }

    @Test
    void questionStreamsAnAnswerWithTheReasoningCollapsedAndIsAudited() throws Exception {
        open(Role.OPERATOR, true);
        List<String> reasoning = List.of("The", " top", " temperature", " rose", " 4", " °C", " while", " reflux",
                " fell", " from", " 180", " to", " 150", " m³/h;", " heavier", " material", " is", " going",
                " overhead.");
        List<String> answer = List.of("Reflux", " dropped", " at", " 09:12,", " so", " the", " column", " top",
                " is", " running", " hot.", " Bring", " reflux", " back", " towards", " 180", " m³/h", " and",
                " watch", " the", " naphtha", " end", " point.");
        server.then(sse(r1Reply(reasoning, answer, 58), Duration.ofMillis(60)));
        ask("Why is the column top temperature rising?");

        Label answerLabel = robot.lookup("#chat-answer-0").query();
        Label footer = robot.lookup("#chat-footer-0").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !answerLabel.getText().isEmpty()
                && "answering ...".equals(footer.getText()));
        assertTrue(answerLabel.getText().length() < String.join("", answer).length(), "seen while still streaming");
        assertTrue(robot.lookup("#chat-cancel").queryButton().isDisabled() == false, "cancel enabled while streaming");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> footer.getText().startsWith("openai"));
        assertEquals(String.join("", answer), answerLabel.getText());
        TitledPane r = robot.lookup("#chat-reasoning-0").query();
        assertFalse(r.isExpanded(), "reasoning starts collapsed");
        assertEquals(String.join("", reasoning), ((Label) r.getContent()).getText());
        assertTrue(r.getText().startsWith("Reasoning ("), r.getText());
        assertTrue(footer.getText().contains("first token") && footer.getText().contains("tok/s")
                && footer.getText().contains("| stop"), footer.getText());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engine.store().auditTrail(5).stream()
                .anyMatch(a -> a.action().equals("ask_assistant")));
        AuditEvent audit = engine.store().auditTrail(5).stream().filter(a -> a.action().equals("ask_assistant"))
                .findFirst().orElseThrow();
        assertEquals("OK", audit.result());
        assertTrue(audit.detail().contains("Why is the column top temperature rising?")
                && audit.detail().contains("Bring reflux back"), audit.detail());

        // A follow-up carries the history without the old reasoning; the screenshot shows both turns.
        server.then(sse(r1Reply(List.of("Naphtha", " end", " point", " follows", " top", " temperature."),
                List.of("Yes:", " expect", " it", " about", " 3", " °C", " high", " until", " reflux", " recovers."), 90),
                Duration.ofMillis(5)));
        ask("Will the naphtha go off-spec?");
        Label second = robot.lookup("#chat-footer-1").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.getText().startsWith("openai"));
        var messages = server.received().get(1).body().path("messages");
        assertEquals(3, messages.size());
        assertFalse(messages.toString().contains("heavier material"), "old reasoning stays out of the prompt");
        robot.interact(() -> r.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, answerLabel, "chat.png");
    }

    @Test
    void cancelStopsTheReplyAndRegenerateAsksAgain() throws Exception {
        open(Role.ENGINEER, true);
        server.then(sse(r1Reply(words(" step", 200), List.of("never"), 10), Duration.ofMillis(40)));
        ask("Summarise the last shift.");
        TitledPane r = robot.lookup("#chat-reasoning-0").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> r.getText().startsWith("Thinking")
                && !((Label) r.getContent()).getText().isEmpty());
        Button cancel = robot.lookup("#chat-cancel").queryButton();
        robot.interact(cancel::fire);
        Label error = robot.lookup("#chat-error-0").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Cancelled.".equals(error.getText()));
        assertTrue(cancel.isDisabled());
        Button regenerate = robot.lookup("#chat-regenerate").queryButton();
        assertFalse(regenerate.isDisabled());

        server.then(sse(r1Reply(List.of("Quiet", " shift."), List.of("No", " upsets."), 10), Duration.ZERO));
        robot.interact(regenerate::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> server.received().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#chat-answer-0").tryQuery().isPresent());
        Label answer = robot.lookup("#chat-answer-0").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No upsets.".equals(answer.getText()));
        assertEquals(1, robot.lookup(".chat-exchange").queryAll().size(), "regenerate replaces the reply");
        assertEquals("Summarise the last shift.",
                server.received().get(1).body().path("messages").path(0).path("content").asText());
    }

    @Test
    void withoutAModelThePaneSaysHowToSetOneUpAndTheConsoleWorksOn() throws Exception {
        open(Role.OPERATOR, false);
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
    void viewerMayNotAskAndIsToldWhy() throws Exception {
        open(Role.VIEWER, true);
        assertTrue(robot.lookup("#chat-ask").queryButton().isDisabled());
        Node actions = robot.lookup("#chat-ask").queryButton().getParent().getParent();
        assertEquals("Only the operator or engineer role may ask the assistant; you are signed in as viewer.",
                actions.getUserData());
    }
}
