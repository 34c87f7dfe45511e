package org.dang.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
import org.dang.app.console.RemoteConsoles;
import org.dang.app.console.Screenshots;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.json.Json;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ConfiguredServer;
import org.dang.engine.store.AuditEvent;

/**
 * The Settings tab of a console on a remote engine: a real engine behind a real {@link ApiServer} on
 * loopback with a configuration file, and a real {@link ConsoleWindow} connected with a bearer token. An
 * engineer changes a setting (the engine's {@code GET /config} and audit trail show it), a refusal shows
 * under its field, a dead engine keeps the edits; an operator sees the fields disabled and why.
 */
class RemoteSettingsViewTest {

    @TempDir
    Path dir;

    private ConfiguredServer served;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        served = ConfiguredServer.start(dir);
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
        robot.clickOn("Settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#settings-applies").queryLabeled()
                .getText().isEmpty());
    }

    private TextField field(String key) {
        return robot.lookup("#setting-" + key.replace('.', '-')).query();
    }

    private void type(String key, String text) {
        TextField f = field(key);
        robot.interact(() -> f.setText(text));
    }

    private void save() {
        robot.interact(() -> robot.lookup("#settings-save").queryButton().fire());
    }

    private JsonNode getConfig(String token) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(served.server().uri().resolve("/config"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private static Optional<String> tooltipOn(Node node) {
        return node.getProperties().values().stream().filter(v -> v instanceof Tooltip)
                .map(v -> ((Tooltip) v).getText()).findFirst();
    }

    @Test
    void anEngineerChangesASettingOnTheEngineARefusalShowsUnderItsFieldAndADeadEngineKeepsTheEdits()
            throws Exception {
        open(served.engineer());
        Label engineFact = robot.lookup("#settings-engine").query();
        assertTrue(engineFact.getText().contains(served.server().uri().toString()), engineFact.getText());
        Label user = robot.lookup("#settings-user").query();
        assertTrue(user.getText().contains("eng.kim") && user.getText().contains("engineer"), user.getText());
        Label applies = robot.lookup("#settings-applies").query();
        assertTrue(applies.getText().contains("next starts"), applies.getText());
        assertTrue(applies.getText().contains("Not changeable from a console: store, server, console"),
                applies.getText());
        double running = served.engine().config().decisionEngine().rules().marketSigma();
        assertEquals(running, Double.parseDouble(field("decision_engine.rules.market_sigma").getText()),
                "the form shows the engine's value");
        assertFalse(field("decision_engine.rules.market_sigma").isDisabled());

        Label message = robot.lookup("#settings-message").query();
        type("decision_engine.rules.market_sigma", "2.5");
        save();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved to"));
        assertTrue(message.getText().contains(served.configFile().toString()) && message.getText().contains(
                served.server().uri().toString()), message.getText());
        JsonNode config = getConfig(served.engineer());
        assertEquals(2.5, config.path("saved").path("decision_engine").path("rules").path("market_sigma").asDouble());
        assertTrue(config.path("restart_pending").asBoolean());
        assertEquals(2.5, ConfigLoader.load(served.configFile()).decisionEngine().rules().marketSigma());
        AuditEvent audit = served.engine().store().auditTrail(1).getFirst();
        assertEquals("change_settings", audit.action());
        assertEquals("eng.kim", audit.actor());
        assertEquals("OK", audit.result());
        assertTrue(audit.origin().startsWith("api 127.0.0.1:"), audit.origin());
        assertTrue(audit.detail().contains("decision_engine.rules.market_sigma " + running + " -> 2.5"),
                audit.detail());
        // The form re-reads: the file's value stays, and the field says the engine runs with the old one until restart.
        Label waiting = robot.lookup("#setting-decision_engine-rules-market_sigma-pending").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> waiting.getText().contains(Double.toString(running)));
        assertEquals("2.5", field("decision_engine.rules.market_sigma").getText());
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && ((ScrollPane) n).getContent().lookup("#settings-message") != null).query();
        robot.interact(() -> scroll.setVvalue(1));
        Screenshots.write(robot, message, "settings-remote.png");

        // The engine's validation names the field; the refusal shows under it and nothing is written.
        type("orchestrator.llm.temperature", "7");
        save();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Not saved"));
        Label problem = robot.lookup("#setting-orchestrator-llm-temperature-problem").query();
        assertTrue(problem.getText().contains("orchestrator.llm.temperature"), problem.getText());
        assertEquals(served.engine().config().orchestrator().llm().temperature(),
                ConfigLoader.load(served.configFile()).orchestrator().llm().temperature());
        assertEquals("FAILED", served.engine().store().auditTrail(1).getFirst().result());

        // The engine goes away: a clear message, and the edits stay in the form.
        type("orchestrator.llm.temperature", "0.5");
        type("decision_engine.max_retries", "5");
        served.stopServing();
        save();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message.getText().contains("cannot reach the engine"));
        assertTrue(message.getText().contains("Your edits are kept"), message.getText());
        assertEquals("5", field("decision_engine.max_retries").getText());
        assertEquals("0.5", field("orchestrator.llm.temperature").getText());
        assertEquals(served.engine().config().decisionEngine().maxRetries(),
                ConfigLoader.load(served.configFile()).decisionEngine().maxRetries(), "nothing reached the file");
    }

    @Test
    void anOperatorSeesTheEnginesSettingsWithFieldsDisabledAndWhy() throws Exception {
        open(served.operator());
        TextField sigma = field("decision_engine.rules.market_sigma");
        assertEquals(served.engine().config().decisionEngine().rules().marketSigma(),
                Double.parseDouble(sigma.getText()));
        assertTrue(sigma.isDisabled());
        String why = "Only the engineer role may change settings; you are signed in as operator.";
        assertEquals(Optional.of(why), tooltipOn(sigma.getParent()));
        Node backend = robot.lookup("#setting-orchestrator-llm-backends").query();
        assertTrue(backend.isDisabled());
        Button save = robot.lookup("#settings-save").queryButton();
        assertTrue(save.isDisabled());
        assertEquals(why, save.getParent().getUserData());
        assertEquals(Optional.of(why), tooltipOn(save.getParent()));
    }
}
