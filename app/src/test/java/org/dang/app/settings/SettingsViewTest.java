package org.dang.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
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
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;
import org.dang.engine.store.AuditEvent;

/** Settings in the real console: validated, saved to the config file, audited; engineers only. */
class SettingsViewTest {

    @TempDir
    Path dir;

    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    private Path open(Role role) throws Exception {
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(d.withStore(dir.resolve("decisions")));
        Path file = dir.resolve("config.yaml");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User(role.name().toLowerCase(Locale.ROOT), role, "test"), file, Theme.LIGHT);
            window.show(s);
        });
        robot.clickOn("Settings");
        // The form reads the settings off the FX thread; the note on when changes apply comes with them.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#settings-applies").queryLabeled()
                .getText().isEmpty());
        return file;
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        engine.close();
    }

    private void type(String key, String text) {
        TextField f = robot.lookup("#setting-" + key.replace('.', '-')).query();
        robot.interact(() -> f.setText(text));
    }


    @Test
    void engineerSavesValidSettingsAndBadOnesAreRefusedWithTheReason() throws Exception {
        Path file = open(Role.ENGINEER);
        Label message = robot.lookup("#settings-message").query();
        type("orchestrator.llm.hf_model_path", "/models/DeepSeek-R1-Distill-Qwen-7B");
        type("decision_engine.confidence_threshold", "0.9");
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved to"));
        DangConfig saved = ConfigLoader.load(file);
        assertEquals(0.9, saved.decisionEngine().confidenceThreshold());
        assertEquals("/models/DeepSeek-R1-Distill-Qwen-7B", saved.orchestrator().llm().hfModelPath().orElseThrow());
        AuditEvent audit = engine.store().auditTrail(1).getFirst();
        assertEquals("change_settings", audit.action());
        assertEquals("OK", audit.result());
        Screenshots.write(robot, message, "settings.png");

        String before = Files.readString(file);
        type("decision_engine.confidence_threshold", "1.7");
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Not saved"));
        assertTrue(message.getText().contains("decision_engine.confidence_threshold"), message.getText());
        Label problem = robot.lookup("#setting-decision_engine-confidence_threshold-problem").query();
        assertTrue(problem.getText().contains("decision_engine.confidence_threshold"), "the refusal sits by its field");
        type("decision_engine.confidence_threshold", "lots");
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("must be a number, not 'lots'"));
        assertEquals(before, Files.readString(file), "a refused save leaves the file as it was");
    }

    @Test
    void engineerPicksTheLlmBackendAndItsServerIsRequired() throws Exception {
        Path file = open(Role.ENGINEER);
        Label message = robot.lookup("#settings-message").query();
        javafx.scene.control.ComboBox<?> backend = robot.lookup("#setting-orchestrator-llm-backends").query();
        robot.interact(() -> backend.getSelectionModel().select(1));
        assertEquals("openai", backend.getValue());
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Not saved"));
        assertTrue(message.getText().contains("orchestrator.llm.backends")
                && message.getText().contains("orchestrator.llm.openai.url is empty"), message.getText());
        assertFalse(Files.exists(file));

        type("orchestrator.llm.openai.url", "localhost:8000");
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("not an http://"));

        type("orchestrator.llm.openai.url", "http://127.0.0.1:8000");
        type("orchestrator.llm.openai.model", "deepseek-r1:7b");
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved to"));
        var llm = ConfigLoader.load(file).orchestrator().llm();
        assertEquals(java.util.List.of("openai"), llm.backends());
        assertEquals("http://127.0.0.1:8000", llm.openai().url().orElseThrow());
        assertEquals("deepseek-r1:7b", llm.openai().model().orElseThrow());
    }

    @Test
    void operatorCannotChangeSettings() throws Exception {
        Path file = open(Role.OPERATOR);
        Button save = robot.lookup("#settings-save").queryButton();
        assertTrue(save.isDisabled());
        assertEquals("Only the engineer role may change settings; you are signed in as operator.",
                save.getParent().getUserData());
        TextField sigma = robot.lookup("#setting-decision_engine-rules-market_sigma").query();
        assertTrue(sigma.isDisabled(), "fields are disabled for an operator");
        assertTrue(sigma.getParent().getProperties().values().stream().anyMatch(v -> v instanceof javafx.scene.control
                .Tooltip t && t.getText().startsWith("Only the engineer role")), "with the reason on hover");
        assertFalse(Files.exists(file));
    }
}
