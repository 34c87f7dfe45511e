package org.dang.app.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.fair_acc.chartfx.XYChart;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
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
import org.dang.app.console.Theme;
import org.dang.app.console.Waits;
import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.DangConfig;
import org.dang.engine.module.market.MarketModule;
import org.dang.engine.module.market.MarketRequest;
import org.dang.engine.module.market.MarketSettings;
import org.dang.engine.situation.Situation;

/** The market view in the real console: the analysis runs through the engine on the bundled EIA data. */
class MarketViewTest {

    static final Path DATA = Path.of("../sample-plant-data/oil-market");

    @TempDir
    Path dir;

    private Engine engine;
    private MarketModule market;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    private void open(Role role) throws Exception {
        open(role, Theme.LIGHT);
    }

    private void open(Role role, Theme theme) throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        market = new MarketModule(DATA, MarketSettings.defaults());
        engine.install(market, p -> MarketRequest.fromParameters(p, market::defaultAsOf));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new ConsoleWindow(engine, new User("op.lee", role, "test"), dir.resolve("config.yaml"), theme);
            window.show(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Market");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        engine.close();
    }

    @Test
    void analysisAsOfADateShowsRankedFindingsAndCharts() throws Exception {
        open(Role.OPERATOR);
        DatePicker date = robot.lookup("#market-as-of").query();
        robot.interact(() -> date.setValue(LocalDate.of(2020, 4, 22)));
        Button run = robot.lookup("#market-refresh").queryButton();
        assertFalse(run.isDisabled());
        robot.clickOn(run);
        TableView<FindingRow> table = robot.lookup("#market-findings").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) Waits.readOnFx(() -> table.getItems().getFirst().rank()));
        assertTrue(Waits.readOnFx(() -> table.getItems().stream().anyMatch(r -> r.change()
                && r.headline().startsWith("Crude stocks +15.0 Mb"))), "the crude build of the week to 17 April 2020 is a surprise");
        Label status = robot.lookup("#market-status").query();
        // Progress events are delivered apart from the result; the report's summary is the last word.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("market as of 2020-04-22:"));
        Label indicators = robot.lookup("#market-indicators").query();
        assertTrue(indicators.getText().startsWith("Rule 4 inputs: price"), indicators.getText());
        XYChart stocks = robot.lookup("#market-stocks-chart").query();
        assertEquals(156, stocks.getAllDatasets().get(1).getDataCount(), "three years of weeks");
        assertTrue(stocks.getTitle().startsWith("crude stocks [Mb]"), stocks.getTitle());
        XYChart crack = robot.lookup("#market-crack-chart").query();
        assertTrue(crack.getAllDatasets().getFirst().getDataCount() > 500);
        XYChart dos = robot.lookup("#market-dos-chart").query();
        assertEquals(156, dos.getAllDatasets().get(1).getDataCount());
        assertTrue(engine.store().auditTrail(10).stream().anyMatch(a -> a.action().equals("request_module_run")
                && a.target().equals("analysis as of 2020-04-22") && a.result().equals("OK")), "audited");
        Screenshots.write(robot, (Node) table, "market.png");
    }

    @Test
    void anAnalysisTheEngineDecidesOnAppearsInTheView() throws Exception {
        open(Role.VIEWER);
        // A market trigger from the analysis itself (WTI to -36.98 on 2020-04-20) makes the engine invoke it.
        Instant plantTime = Instant.parse("2020-04-21T06:00:00Z");
        engine.decide(new Situation("market", plantTime, "", null, null, null, market.at(plantTime).orElseThrow(),
                null, null, null, null));
        TableView<FindingRow> table = robot.lookup("#market-findings").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        Label status = robot.lookup("#market-status").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("market as of 2020-04-2"));
        assertTrue(Waits.readOnFx(() -> table.getItems().stream().anyMatch(r -> r.change()
                && r.headline().startsWith("WTI down"))), "the collapse is among the findings");
    }

    @Test
    void darkThemeKeepsTheChartsReadable() throws Exception {
        open(Role.ENGINEER, Theme.DARK);
        DatePicker date = robot.lookup("#market-as-of").query();
        robot.interact(() -> date.setValue(LocalDate.of(2008, 10, 15)));
        robot.clickOn(robot.lookup("#market-refresh").queryButton());
        TableView<FindingRow> table = robot.lookup("#market-findings").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Waits.readOnFx(() -> table.getItems().stream().anyMatch(r -> r.kind().equals("Volatility regime"))));
        Screenshots.write(robot, (Node) table, "market-dark.png");
    }

    @Test
    void viewerCannotRunTheAnalysisAndIsToldWhy() throws Exception {
        open(Role.VIEWER);
        Button run = robot.lookup("#market-refresh").queryButton();
        assertTrue(run.isDisabled());
        Object tip = run.getParent().getProperties().values().stream().filter(v -> v instanceof Tooltip).findFirst()
                .orElseThrow();
        assertTrue(((Tooltip) tip).getText().contains("you are signed in as viewer"), ((Tooltip) tip).getText());
    }
}
