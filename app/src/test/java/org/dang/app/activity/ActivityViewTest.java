package org.dang.app.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.DangConfig;
import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;
import org.dang.engine.store.AuditEvent;

/** The activity view in the real console: a long module run shows progress and an operator can cancel it. */
class ActivityViewTest {

    @TempDir
    Path dir;

    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    /** A slow optimisation run, as the real module will be; it reports progress and honours cancel. */
    record SlowRequest(int steps) implements ModuleRequest {
        @Override
        public ModuleName module() {
            return ModuleName.OPTIMIZATION;
        }
    }

    record SlowResult(int steps) implements ModuleResult {
        @Override
        public String summary() {
            return steps + " steps";
        }
    }

    static final class SlowModule implements PlantModule<SlowRequest, SlowResult> {
        @Override
        public ModuleName name() {
            return ModuleName.OPTIMIZATION;
        }

        @Override
        public Class<SlowRequest> requestType() {
            return SlowRequest.class;
        }

        @Override
        public SlowResult run(SlowRequest request, RunContext context) throws InterruptedException {
            for (int i = 0; i < request.steps(); i++) {
                context.checkCancelled();
                context.progress((double) i / request.steps(), "episode " + i + " of " + request.steps());
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return new SlowResult(request.steps());
        }
    }

    private void open(Role role) throws Exception {
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(d.withStore(dir.resolve("decisions")));
        engine.install(new SlowModule(), p -> new SlowRequest(((Number) p.getOrDefault("steps", 10_000)).intValue()));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User(role == Role.VIEWER ? "v.jones" : "op.lee", role, "test"));
            window.show(s);
        });
        robot.clickOn("Activity");
    }

    private void requestOptimisation() {
        List<TagSnapshot> tags = List.of("feed_rate", "coil_outlet_temp", "tube_metal_temp", "top_pressure", "top_temp")
                .stream().map(t -> new TagSnapshot(t, 1.0, "", Quality.GOOD, null, null)).toList();
        engine.decide(new Situation("req", Instant.now(), "", tags, null, null, null, null,
                List.of(new OperatorRequest("r1", ModuleName.OPTIMIZATION, Map.of("steps", 10_000), "op.lee",
                        "optimise now")), null, null));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        engine.close();
    }

    @Test
    void operatorSeesProgressAndCancelsTheRun() throws Exception {
        open(Role.OPERATOR);
        requestOptimisation();
        TableView<ActiveRun> active = robot.lookup("#activity-active").queryTableView();
        Waits.onFx(30, () -> !active.getItems().isEmpty() && active.getItems().getFirst().progress() > 0.001);
        String progress = Waits.readOnFx(() -> active.getItems().getFirst().progressMessage());
        assertTrue(progress.startsWith("episode "), progress);
        Screenshots.write(robot, active, "activity.png");

        robot.interact(() -> active.getSelectionModel().select(0));
        robot.clickOn("#activity-cancel");
        Label message = robot.lookup("#activity-message").query();
        Waits.onFx(30, () -> !message.getText().isEmpty());
        assertTrue(message.getText().endsWith("cancelled"), message.getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> active.getItems().isEmpty());
        AuditEvent audit = engine.store().auditTrail(1).getFirst();
        assertEquals("cancel_module_run", audit.action());
        assertEquals("OK", audit.result());
        assertEquals("op.lee", audit.actor());
    }

    @Test
    void viewerCannotCancelAndIsToldWhy() throws Exception {
        open(Role.VIEWER);
        Button cancel = robot.lookup("#activity-cancel").queryButton();
        assertTrue(cancel.isDisabled());
        assertTrue(robot.lookup(".label").queryAll().stream().anyMatch(n -> n instanceof Label l
                && l.getText().equals("Only the operator or engineer role may cancel module runs; you are signed in"
                + " as viewer.")));
    }
}
