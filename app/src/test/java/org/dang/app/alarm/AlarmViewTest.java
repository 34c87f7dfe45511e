package org.dang.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import org.dang.engine.alarm.AlarmRecord;
import org.dang.engine.alarm.AlarmState;
import org.dang.engine.config.DangConfig;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.store.AuditEvent;

/** Alarms in the real console: raised from replayed data, acknowledged, shelved, with roles enforced. */
class AlarmViewTest {

    @TempDir
    Path dir;

    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    /** Coil outlet temperature climbs through HI (388) and HIHI (395); top pressure stays normal. */
    private void open(Role role) throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.csv"), """
                tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband
                coil_outlet_temp,Furnace coil outlet temperature,degC,0,500,320,328,388,395,MEDIUM,1
                top_pressure,Column top pressure,barg,0,4,,1.2,1.8,2,HIGH,0.03
                """);
        StringBuilder csv = new StringBuilder("time,coil_outlet_temp,top_pressure\n");
        Instant t0 = Instant.parse("2026-11-10T06:00:00Z");
        for (int i = 0; i < 120; i++) {
            double cot = i < 60 ? 360 + 0.01 * (i % 7) : 360 + (i - 60) * 0.7;
            csv.append(t0.plus(Duration.ofMinutes(i))).append(',').append(String.format(Locale.ROOT, "%.2f", cot))
                    .append(',').append(String.format(Locale.ROOT, "%.3f", 1.5 + 0.001 * (i % 5))).append('\n');
        }
        Path history = Files.writeString(dir.resolve("history.csv"), csv);
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(d.withStore(dir.resolve("decisions")));
        engine.attach(new CsvReplaySource(history, tags, new CsvReplaySource.Options(0, false)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User(role.name().toLowerCase(Locale.ROOT) + ".user", role, "test"));
            window.show(s);
        });
        robot.clickOn("Alarms");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        engine.close();
    }

    private AlarmRecord awaitAlarm(TableView<AlarmRecord> table, String id) throws Exception {
        Waits.onFx(20, () -> table.getItems().stream().anyMatch(a -> a.id().equals(id)));
        return Waits.readOnFx(() -> table.getItems().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow());
    }

    private void select(TableView<AlarmRecord> table, String id) {
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(a -> a.id().equals(id)).findFirst().orElseThrow()));
    }

    @Test
    void operatorAcknowledgesAndTheBannerCounts() throws Exception {
        open(Role.OPERATOR);
        TableView<AlarmRecord> table = robot.lookup("#alarm-table").queryTableView();
        AlarmRecord hihi = awaitAlarm(table, "coil_outlet_temp.HIHI");
        assertEquals(AlarmState.UNACK_ACTIVE, hihi.state());
        Label high = robot.lookup("#alarm-count-high").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> high.getText().equals("HIGH 1"));
        assertTrue(high.getStyleClass().contains("priority-high"), "a non-zero count takes its colour");
        Screenshots.write(robot, table, "alarms.png");

        select(table, "coil_outlet_temp.HIHI");
        robot.clickOn("#alarm-ack");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> awaitAlarm(table, "coil_outlet_temp.HIHI").state()
                == AlarmState.ACK_ACTIVE);
        assertTrue(engine.store().auditTrail(5).stream().anyMatch(a -> a.action().equals("acknowledge_alarm")
                && a.result().equals("OK") && a.actor().equals("operator.user")));

        Button shelve = robot.lookup("#alarm-shelve").queryButton();
        assertTrue(shelve.isDisabled(), "an operator may not shelve");

        robot.doubleClickOn("coil_outlet_temp.HIHI");
        TabPane tabs = (TabPane) table.getScene().lookup(".tab-pane");
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        assertEquals("tab-trends", selected.getId(), "double-click opens the tag's trend");
    }

    @Test
    void engineerShelvesWithReasonAndViewerMayDoNothing() throws Exception {
        open(Role.ENGINEER);
        TableView<AlarmRecord> table = robot.lookup("#alarm-table").queryTableView();
        awaitAlarm(table, "coil_outlet_temp.HI");
        select(table, "coil_outlet_temp.HI");
        robot.clickOn("#alarm-shelve-reason").write("TI-201 thermocouple being replaced");
        robot.clickOn("#alarm-shelve");
        Waits.onFx(10, () -> table.getItems().stream().noneMatch(a -> a.id().equals("coil_outlet_temp.HI")));
        AuditEvent audit = engine.store().auditTrail(1).getFirst();
        assertEquals("shelve_alarm", audit.action());
        assertTrue(audit.detail().endsWith("reason: TI-201 thermocouple being replaced"), audit.detail());
        robot.clickOn("Show shelved");
        AlarmRecord shelved = awaitAlarm(table, "coil_outlet_temp.HI");
        assertEquals(AlarmState.SHELVED, shelved.state());
        assertEquals(List.of(), engine.store().auditTrail(10).stream().filter(a -> !a.result().equals("OK")).toList());
    }

    @Test
    void viewerCannotAcknowledgeAndIsToldWhy() throws Exception {
        open(Role.VIEWER);
        TableView<AlarmRecord> table = robot.lookup("#alarm-table").queryTableView();
        awaitAlarm(table, "coil_outlet_temp.HI");
        Button ack = robot.lookup("#alarm-ack").queryButton();
        assertTrue(ack.isDisabled());
        assertEquals("Only the operator or engineer role may acknowledge alarms; you are signed in as viewer.",
                ack.getParent().getUserData());
    }
}
