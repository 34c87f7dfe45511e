package org.dang.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import eu.hansolo.tilesfx.Tile;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.alarm.AlarmRecord;
import org.dang.engine.alarm.AlarmState;
import org.dang.engine.config.DangConfig;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.TokenFile;
import org.dang.engine.store.StoredDecision;

/**
 * The console on a remote engine: a real engine (H2 store in a temp dir, the bundled CDU month replayed)
 * behind a real {@link ApiServer} on loopback, and a {@link ConsoleWindow} connected to it with a bearer
 * token. It shows the engine's tags, alarms and decisions, acts with the token's role (audited on the
 * server), and keeps its last data, marked stale, when the server goes away.
 */
class RemoteConsoleTest {

    static final Path CDU = Path.of("../sample-plant-data/cdu");

    @TempDir
    static Path dir;

    static Engine engine;
    static String viewer;
    static String operator;

    RemoteWindow console;
    ApiServer server;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void replayTheMonth() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        engine.attach(new CsvReplaySource(CDU.resolve("history.csv.gz"), CDU.resolve("tags.csv"),
                new CsvReplaySource.Options(0, false)));
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        Waits.replayed(engine, 43_200);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private void open(String token) throws Exception {
        console = RemoteWindow.open(engine, dir, token);
        server = console.server();
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private static <T> T find(Node any, String id) {
        @SuppressWarnings("unchecked")
        T node = (T) any.getScene().lookup(id);
        return node;
    }

    @Test
    void anOperatorSeesTheEnginesPlantAndAcknowledgesAnAlarmThere() throws Exception {
        open(operator);
        Label who = robot.lookup("#signed-in-user").query();
        assertEquals("op.lee (operator)", who.getText(), "user and role come from the token");
        Label connection = robot.lookup("#engine-connection").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> connection.getText().contains("connected"));
        assertTrue(connection.getText().contains(server.uri().toString()), connection.getText());

        // Overview tiles carry the engine's newest readings.
        double tmt = engine.plant().tags().latest("tube_metal_temp").orElseThrow().value();
        Tile tile = robot.lookup("#tile-tube_metal_temp").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(tile.getValue() - tmt) < 1e-9);
        Screenshots.write(robot, tile, "remote-console.png");

        // A tile opens its trend: history served by the engine, and the Forecast button (RemoteModulesConsoleTest).
        robot.clickOn(tile);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#trend-tube_metal_temp").tryQuery()
                .isPresent());
        assertTrue(robot.lookup("#trend-forecast").tryQuery().isPresent(), "forecasts run on a remote engine too");
        assertTrue(robot.lookup("#trend-remote-note").tryQuery().isEmpty());

        // Decisions: the engine's history, and a decision's stored inputs in the detail.
        robot.clickOn("Decisions");
        TableView<StoredDecision> history = robot.lookup("#history-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !history.getItems().isEmpty());
        assertEquals(engine.store().query(org.dang.engine.store.DecisionQuery.latest(1)).items().getFirst().hash(),
                Waits.readOnFx(() -> history.getItems().getFirst().hash()), "newest first, from the engine's store");
        robot.interact(() -> history.getSelectionModel().select(0));
        TextArea detail = robot.lookup("#history-detail").query();
        Waits.onFx(10, () -> detail.getText().contains("Inputs (situation"));
        Waits.onFx(10, () -> detail.getText().contains("\"tags\""));

        // Alarms: acknowledge one through the console; the audit row is written by the engine.
        robot.clickOn("Alarms");
        TableView<AlarmRecord> alarms = robot.lookup("#alarm-table").queryTableView();
        Waits.onFx(10, () -> alarms.getItems().stream()
                .anyMatch(a -> a.state() == AlarmState.UNACK_ACTIVE || a.state() == AlarmState.UNACK_CLEARED));
        AlarmRecord waiting = Waits.readOnFx(() -> alarms.getItems().stream().filter(a -> a.state()
                == AlarmState.UNACK_ACTIVE || a.state() == AlarmState.UNACK_CLEARED).findFirst().orElseThrow());
        robot.interact(() -> alarms.getSelectionModel().select(waiting));
        robot.clickOn("#alarm-ack");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engine.store().auditTrail(50).stream()
                .anyMatch(a -> a.action().equals("acknowledge_alarm") && a.actor().equals("op.lee")
                        && a.result().equals("OK") && a.target().contains(waiting.id())));
        assertEquals("op.lee", engine.alarms().orElseThrow().alarm(waiting.id()).orElseThrow().acknowledgedBy());
        Waits.onFx(10, () -> alarms.getItems().stream()
                .noneMatch(a -> a.id().equals(waiting.id()) && a.state() == waiting.state()));

        // Every tab works on a remote engine: none carries an "engine host only" note any more.
        assertTrue(robot.lookup("#market-remote-note").tryQuery().isEmpty(), "the market works on a remote engine");
        assertTrue(robot.lookup("#chat-remote-note").tryQuery().isEmpty(), "the chat works on a remote engine");
        Label settings = robot.lookup("#settings-engine").query();
        assertTrue(settings.getText().contains(server.uri().toString()), settings.getText());
    }

    @Test
    void aViewerTokenGetsDisabledActions() throws Exception {
        open(viewer);
        Label who = robot.lookup("#signed-in-user").query();
        assertEquals("vic.viewer (viewer)", who.getText());
        robot.clickOn("Alarms");
        TableView<AlarmRecord> alarms = robot.lookup("#alarm-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !alarms.getItems().isEmpty());
        robot.interact(() -> alarms.getSelectionModel().select(0));
        Button ack = robot.lookup("#alarm-ack").queryButton();
        assertTrue(ack.isDisabled(), "a viewer may not acknowledge");
        assertTrue(ack.getTooltip() == null || ack.getTooltip().getText().contains("operator")
                || robot.lookup("#alarm-ack").queryButton().isDisabled());
        robot.clickOn("Activity");
        assertTrue(robot.lookup("#activity-cancel").queryButton().isDisabled(), "a viewer may not cancel runs");
        robot.clickOn("Optimisation");
        assertTrue(robot.lookup("#optimisation-propose").queryButton().isDisabled());
        assertTrue(robot.lookup("#optimisation-approve").queryButton().isDisabled());

        // Decisions: the advisor panel with the engine's own reason it cannot be asked; no asking as a viewer.
        robot.clickOn("Decisions");
        assertTrue(robot.lookup("#advisor-panel").tryQuery().isPresent(), "the advisor panel on a remote engine");
        assertTrue(robot.lookup("#advisor-remote-note").tryQuery().isEmpty());
        String why = engine.advisorUnavailable().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#advisor-availability")
                .queryAs(Label.class).getText().equals(why));
        Button ask = robot.lookup("#advisor-ask").queryButton();
        assertTrue(ask.isDisabled(), "a viewer may not ask the advisor");
        Tooltip tip = (Tooltip) ask.getParent().getProperties().values().stream().filter(v -> v instanceof Tooltip)
                .findFirst().orElseThrow();
        assertTrue(tip.getText().contains("Only the operator or engineer role may ask the decision advisor"),
                tip.getText());
    }

    @Test
    void aStoppedServerShowsDisconnectedAndTheViewsKeepTheirDataMarkedStale() throws Exception {
        open(operator);
        Label connection = robot.lookup("#engine-connection").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> connection.getText().contains("connected"));
        robot.clickOn("Decisions");
        TableView<StoredDecision> history = robot.lookup("#history-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !history.getItems().isEmpty());
        int rows = history.getItems().size();
        Tile tile = find(history, "#tile-tube_metal_temp");
        double tmt = engine.plant().tags().latest("tube_metal_temp").orElseThrow().value();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(tile.getValue() - tmt) < 1e-9);
        double shown = tile.getValue();

        server.close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> connection.getText().contains("DISCONNECTED"));
        Label stale = robot.lookup("#stale-marker").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, stale::isVisible);
        assertTrue(stale.getText().startsWith("STALE"), stale.getText());
        assertTrue(connection.getStyleClass().contains("alarm-text"), "disconnected is shown as abnormal");
        // A refresh that cannot reach the engine leaves the data as it was.
        robot.interact(() -> robot.lookup("#history-text").queryTextInputControl().setText("tube"));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertEquals(rows, history.getItems().size(), "the last page stays on screen");
        assertEquals(shown, tile.getValue(), "the tile keeps its last value");
        assertFalse(history.getItems().isEmpty());
    }
}
