package org.dang.app.optimize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.app.console.ConsoleWindow;
import org.dang.app.console.Screenshots;
import org.dang.app.console.Waits;
import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.DangConfig;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.EquipmentCondition;
import org.dang.engine.plant.sim.SimulatorSource;

/** The optimisation view in the real console over the live simulator: propose, deselect a row, approve; viewers cannot. */
class OptimisationViewTest {

    @TempDir
    Path dir;

    private Engine engine;
    private SimulatorSource source;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    private void open(Role role) throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        source = new SimulatorSource(new CduSimulator(CduConfig.defaults(20261124L)
                .withEquipment(new EquipmentCondition(0.15, 0.05, 0.05))), Duration.ofMillis(100));
        engine.attach(source);
        EngineModules.installOptimization(engine, source, new PolicyStore(dir.resolve("policies")));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User(role == Role.VIEWER ? "v.jones" : "op.lee", role, "test"));
            window.show(s);
        });
        robot.clickOn("Optimisation");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        engine.close();
    }

    @Test
    void operatorProposesDeselectsARowAndApproves() throws Exception {
        open(Role.OPERATOR);
        robot.clickOn("#optimisation-propose");
        TableView<ProposalRow> rows = robot.lookup("#optimisation-moves").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows.getItems().size() == 6);
        Label effect = robot.lookup("#optimisation-effect").queryAs(Label.class);
        assertTrue(effect.getText().startsWith("Expected effect:"), effect.getText());
        long moving = Waits.readOnFx(() -> rows.getItems().stream().filter(r -> r.move().moves()).count());
        assertTrue(moving >= 2, "the agent should move at least two setpoints from the design point");
        ProposalRow dropped = Waits.readOnFx(() -> rows.getItems().stream().filter(r -> r.move().moves()).findFirst()
                .orElseThrow());
        robot.interact(() -> dropped.selectedProperty().set(false));
        Screenshots.write(robot, rows, "optimisation.png");

        robot.clickOn("#optimisation-approve");
        Label status = robot.lookup("#optimisation-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Approved: applied"));
        assertFalse(status.getText().contains(dropped.move().setpoint()), status.getText());
        // The approved move reaches the simulated unit at its next step.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rows.getItems().isEmpty()
                && !source.latest().setpoints().equals(org.dang.engine.plant.sim.Setpoints.nominal()));
        assertTrue(engine.store().auditTrail(5).stream().anyMatch(a -> a.action().equals("approve_setpoint")
                && a.result().equals("OK") && a.actor().equals("op.lee")));
        // Approved through the engine's desk: closed for the API as well.
        assertTrue(engine.proposals().orElseThrow().openProposals().isEmpty());
    }

    @Test
    void viewerSeesDisabledButtonsWithTheReason() throws Exception {
        open(Role.VIEWER);
        Button propose = robot.lookup("#optimisation-propose").queryButton();
        Button approve = robot.lookup("#optimisation-approve").queryButton();
        assertTrue(propose.isDisabled());
        assertTrue(approve.isDisabled());
        Node box = approve.getParent();
        Object tip = box.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip instanceof Tooltip t && t.getText().contains("approve setpoint changes"), String.valueOf(tip));
    }
}
