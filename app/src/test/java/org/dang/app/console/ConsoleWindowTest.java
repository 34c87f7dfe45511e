package org.dang.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/**
 * The real console window on JavaFX's headless platform: decisions from the sample feed appear,
 * the filter finds one, the detail pane shows its inputs and chain hash, and a screenshot is written
 * to docs/screenshots/.
 */
class ConsoleWindowTest {

    static final Path SAMPLE = Path.of("../sample-plant-data/situations");

    @TempDir
    Path dir;

    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(d.withStore(dir.resolve("decisions")));
        // The bundled month, replayed at full speed: the console then shows the unit at month end.
        Path cdu = Path.of("../sample-plant-data/cdu");
        engine.attach(new CsvReplaySource(cdu.resolve("history.csv.gz"), cdu.resolve("tags.csv"),
                new CsvReplaySource.Options(0, false)));
        Waits.replayed(engine, 43_200);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User("op.lee", Role.OPERATOR, "test"));
            window.show(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        engine.close();
    }

    @Test
    void overviewOfTheSampleMonthShowsAlarmsAndWhatDrivesTheAnomaly() throws Exception {
        Label state = robot.lookup("#process-health-state").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !state.getText().contains("learning"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, state, "overview.png");
        robot.clickOn("Alarms");
        Screenshots.write(robot, state, "alarms-month-end.png");
    }

    @Test
    void darkThemeKeepsTheLayoutWithLightTextOnDarkGround() throws Exception {
        FxToolkit.setupStage(s -> {
            window.close();
            window = new ConsoleWindow(engine, new User("op.lee", Role.OPERATOR, "test"), dir.resolve("config.yaml"),
                    Theme.DARK);
            window.show(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label state = robot.lookup("#process-health-state").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !state.getText().contains("learning"));
        Label user = robot.lookup("#signed-in-user").query();
        assertTrue(((Color) user.getTextFill()).getBrightness() > 0.8, "light text: " + user.getTextFill());
        assertTrue(window.scene().getStylesheets().getLast().endsWith("theme-dark.css"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, state, "overview-dark.png");
    }

    @Test
    void liveDecisionsAppearAndCanBeFilteredAndInspected() throws Exception {
        for (SituationReader.Entry e : SituationReader.read(SAMPLE)) {
            assertTrue(e.ok(), e.error());
            engine.decide(e.situation());
        }
        robot.clickOn("Decisions");
        TableView<StoredDecision> table = robot.lookup("#history-table").queryTableView();
        // A page holds the newest 500 of the month's decisions and the sample situations' ones.
        long page = Math.min(500, engine.store().count());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == page);
        assertTrue(engine.store().count() > 2500, "a month of live decisions: " + engine.store().count());
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(s -> s.decision().action() == DecisionAction.ALERT).findFirst().orElseThrow()));
        Waits.onFx(10, () -> robot.lookup("#history-detail").<TextArea>query()
                .getText().contains("Chain"));
        Screenshots.write(robot, table, "decisions.png");
        Label chain = robot.lookup("#chain-status").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chain.getText().startsWith("Decision log verified"));

        robot.clickOn("#history-text").write("crack spread");
        Waits.onFx(10, () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(s -> (s.decision().rationale()
                        + s.decision().triggers()).toLowerCase().contains("crack spread")));
        StoredDecision selected = Waits.readOnFx(() -> {
            table.getSelectionModel().select(0);
            return table.getSelectionModel().getSelectedItem();
        });
        TextArea detail = robot.lookup("#history-detail").query();
        // The detail of the ALERT chosen above is still shown until the new one is loaded.
        Waits.onFx(10, () -> detail.getText().contains(selected.hash()));
        assertTrue(Waits.readOnFx(detail::getText).contains("\"crack_spread_move_sigma\""), "inputs shown");

        robot.doubleClickOn("#history-text").eraseText(12);

        // Outcome and day filters: the month's optimisation requests were rejected (module not installed).
        // Decision times are when the engine decided (today), not the replayed plant time.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        robot.interact(() -> {
            robot.lookup("#history-outcome").<ComboBox<OutcomeStatus>>query().setValue(OutcomeStatus.REJECTED);
            robot.lookup("#history-from").<DatePicker>query().setValue(today);
            robot.lookup("#history-to").<DatePicker>query().setValue(today);
        });
        Waits.onFx(10, () -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(s -> s.outcome().map(o -> o.status() == OutcomeStatus.REJECTED).orElse(false)));
        robot.interact(() -> robot.lookup("#history-from").<DatePicker>query().setValue(today.plusDays(1)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        robot.interact(() -> {
            robot.lookup("#history-outcome").<ComboBox<OutcomeStatus>>query().setValue(null);
            robot.lookup("#history-from").<DatePicker>query().setValue(null);
            robot.lookup("#history-to").<DatePicker>query().setValue(null);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == page);
        assertFalse(table.getItems().isEmpty());
    }
}
