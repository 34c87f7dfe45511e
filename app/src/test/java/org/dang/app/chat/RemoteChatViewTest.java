package org.dang.app.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
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
import org.dang.app.console.RemoteConsoles;
import org.dang.engine.assistant.ChatPlant;
import org.dang.engine.assistant.ServedChat;
import org.dang.engine.client.remote.RemoteEngine;
import org.dang.engine.server.ApiServer;

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

    private ServedChat served;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();
    private final ChatPane pane = new ChatPane(robot);

    @BeforeEach
    void start() throws Exception {
        served = ServedChat.start(dir, true);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        served.close();
    }

    private void open(String token) throws Exception {
        window = RemoteConsoles.show(served.server().uri(), token);
        pane.open(true);
    }

    private void ask(String question) throws Exception {
        pane.ask(question);
    }

    private String text(String id) {
        return pane.text(id);
    }

    @Test
    void anOperatorAsksTheRemoteEngineAndSeesTheStreamedAnswerAToolStepAndAProposalCard() throws Exception {
        open(served.operator());
        served.model().then(ChatPlant.forecastRequest());
        String answer = "Naphtha yield should stay between 18 and 22 % over the next 12 hours, lowest around 06:00.";
        served.model().then(ChatPlant.reply("The ridge forecast is back; the yield swings with the daily cycle.",
                answer, Duration.ofMillis(60)));
        ask("Forecast the naphtha yield for the next 12 hours");
        // The answer arrives piece by piece over the engine's event stream, before the reply ends.
        AtomicReference<String> partial = new AtomicReference<>("");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            partial.set(text("#chat-answer-0"));
            return !partial.get().isEmpty() && !partial.get().equals(answer)
                    && text("#chat-footer-0").equals("answering ...");
        });
        assertTrue(answer.startsWith(partial.get()), partial.get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));
        assertEquals(answer, text("#chat-answer-0"));
        String step = text("#chat-step-0-0");
        assertTrue(step.startsWith("\u2713 forecasting: naphtha_yield: 12 steps by Ridge"), step);
        TitledPane reasoning = robot.lookup("#chat-reasoning-0").query();
        assertTrue(((Label) reasoning.getContent()).getText().contains("I have none, so I ask the forecaster"));
        assertTrue(served.engine().store().auditTrail(50).stream().anyMatch(e -> e.actor().equals("op.lee")
                && e.action().equals("request_module_run") && e.target().equals("module forecasting (chat)")),
                "the engine ran the tool as the token's user");

        pane.proposeAndApprove(served.model(), served.engine(), 1, "op.lee", "chat-remote.png");
    }

    @Test
    void aViewerTokenMayNotAskAndIsToldWhy() throws Exception {
        open(served.viewer());
        assertTrue(robot.lookup("#chat-ask").queryButton().isDisabled());
        assertTrue(robot.lookup("#chat-input").query().isDisabled());
        Node actions = robot.lookup("#chat-ask").queryButton().getParent().getParent();
        assertEquals("Only the operator or engineer role may ask the assistant; you are signed in as viewer.",
                actions.getUserData());
        assertEquals(0, served.model().received().size());
    }

    @Test
    void whenTheEngineGoesAwayMidAnswerThePaneSaysSoAndKeepsTheConversation() throws Exception {
        open(served.operator());
        served.model().then(ChatPlant.reply("Easy.", "The reflux is 180 m³/h.", Duration.ZERO));
        ask("What is the reflux?");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#chat-footer-0").startsWith("openai"));

        served.model().then(ChatPlant.reply("step ".repeat(400), "never", Duration.ofMillis(40)));
        ask("Summarise the last shift.");
        TitledPane reasoning = robot.lookup("#chat-reasoning-1").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !((Label) reasoning.getContent()).getText().isEmpty());
        served.server().close();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#chat-error-1").isEmpty());
        String error = text("#chat-error-1");
        assertTrue(error.contains(served.server().uri().toString().replaceAll("/$", ""))
                && (error.contains("broke during the answer") || error.contains("ended the answer before the reply")),
                error);
        assertEquals("Summarise the last shift.", ((Label) robot.lookup(".chat-question").queryAll().stream()
                .skip(1).findFirst().orElseThrow()).getText(), "the question stays, to be asked again");
        assertEquals("The reflux is 180 m³/h.", text("#chat-answer-0"), "the earlier answer stays");
        assertFalse(robot.lookup("#chat-regenerate").queryButton().isDisabled());

        // Asked again while the engine is down: at once, a clear reason; nothing the engine recorded is lost.
        robot.interact(() -> robot.lookup("#chat-regenerate").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#chat-error-2").isEmpty());
        assertTrue(text("#chat-error-2").contains("cannot reach the engine at"), text("#chat-error-2"));
        assertTrue(text("#chat-error-2").contains("is dang serve running there?"), text("#chat-error-2"));
        assertEquals(List.of("What is the reflux?", "The reflux is 180 m³/h."), served.engine().store()
                .conversationTurns("op.lee", 0, 10).stream().limit(2).map(t -> t.text()).toList());
    }
}
