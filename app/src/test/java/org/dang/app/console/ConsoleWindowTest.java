package org.dang.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import org.dang.engine.config.StoreConfig;
import org.dang.engine.situation.SituationReader;
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
        engine = Engine.open(new DangConfig(d.orchestrator(), d.modules(), d.decisionEngine(),
                new StoreConfig(dir.resolve("decisions"))));
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
    void liveDecisionsAppearAndCanBeFilteredAndInspected() throws Exception {
        for (SituationReader.Entry e : SituationReader.read(SAMPLE)) {
            assertTrue(e.ok(), e.error());
            engine.decide(e.situation());
        }
        robot.clickOn("Decisions");
        TableView<StoredDecision> table = robot.lookup("#history-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == engine.store().count());
        assertTrue(table.getItems().size() > 14, "rows: " + table.getItems().size());
        Label chain = robot.lookup("#chain-status").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chain.getText().startsWith("Decision log verified"));

        robot.clickOn("#history-text").write("crack spread");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(s -> (s.decision().rationale()
                        + s.decision().triggers()).toLowerCase().contains("crack spread")));
        robot.interact(() -> table.getSelectionModel().select(0));
        TextArea detail = robot.lookup("#history-detail").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detail.getText().contains("Chain"));
        StoredDecision selected = table.getItems().getFirst();
        assertTrue(detail.getText().contains(selected.hash()), detail.getText());
        assertTrue(detail.getText().contains("\"crack_spread_move_sigma\""), "inputs shown");
        Screenshots.write(robot, table, "decisions.png");

        robot.doubleClickOn("#history-text").eraseText(12);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == engine.store().count());
        assertFalse(table.getItems().isEmpty());
        assertEquals(engine.store().count(), table.getItems().size());
    }
}
