package org.dang.app.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.app.console.Screenshots;
import org.dang.engine.Engine;
import org.dang.engine.assistant.ChatPlant;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.store.AuditEvent;

/** Drives the Chat tab of a console window in a test, as an operator would: types, asks, reads, approves. */
final class ChatPane {

    private final FxRobot robot;

    ChatPane(FxRobot robot) {
        this.robot = robot;
    }

    /** Opens the tab; with {@code model} waits until the pane names the OpenAI-compatible model. */
    void open(boolean model) throws Exception {
        robot.clickOn("Chat");
        if (model) {
            Label line = robot.lookup("#chat-model").query();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> line.getText().startsWith("Model: openai"));
        }
    }

    /** Types {@code question}, presses Ask and waits for its exchange to appear. */
    void ask(String question) throws Exception {
        int before = robot.lookup(".chat-exchange").queryAll().size();
        TextArea input = robot.lookup("#chat-input").query();
        robot.interact(() -> input.setText(question));
        robot.interact(() -> robot.lookup("#chat-ask").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".chat-exchange").queryAll().size() > before);
    }

    /** The text of label {@code id}, empty when there is none. */
    String text(String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /**
     * Asks for a setpoint change as exchange {@code index}: the optimiser runs as a tool step, its proposal
     * comes back as one card (written to {@code screenshot}), and Approve acts on {@code engine}'s desk as
     * {@code user} (audited) unless the role may not.
     */
    void proposeAndApprove(ScriptedOpenAiServer model, Engine engine, int index, String user, String screenshot)
            throws Exception {
        model.then(ChatPlant.reply("The optimiser has proposed; the operator must approve.",
                "I cannot change a setpoint myself. The optimiser's proposal is on the card below for your approval.",
                Duration.ofMillis(5)));
        ask("Raise the coil outlet to 365");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#chat-footer-" + index).startsWith("openai"));
        assertTrue(text("#chat-note-" + index + "-0").startsWith("You asked for a setpoint change"),
                text("#chat-note-" + index + "-0"));
        assertTrue(text("#chat-step-" + index + "-0").startsWith("\u2713 optimization: optimisation"),
                text("#chat-step-" + index + "-0"));
        VBox cards = robot.lookup("#chat-cards-" + index).query();
        assertEquals(1, cards.getChildren().size());
        String id = engine.proposals().orElseThrow().openProposals().getFirst().id();
        Button approve = robot.lookup("#chat-approve-" + id).queryButton();
        Screenshots.write(robot, approve, screenshot);
        if (approve.isDisabled()) {
            return;
        }
        robot.interact(approve::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#chat-card-outcome-" + id).isEmpty());
        String outcome = text("#chat-card-outcome-" + id);
        assertTrue(outcome.startsWith("Approved: applied") || outcome.startsWith("Not done: the safety layer"), outcome);
        AuditEvent a = engine.store().auditTrail(50).stream().filter(e -> e.action().equals("approve_setpoint"))
                .findFirst().orElseThrow();
        assertEquals(user, a.actor());
        if (outcome.startsWith("Approved")) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#chat-approve-" + id).queryButton()
                    .isDisabled());
        }
    }
}
