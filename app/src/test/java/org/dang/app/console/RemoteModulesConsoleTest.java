package org.dang.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import eu.hansolo.tilesfx.Tile;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.DataSetError;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.app.market.FindingRow;
import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.TokenFile;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.Quality;

/**
 * Forecasts and the market analysis from a console on a remote engine: a real engine with the shipped modules
 * (three weeks of a generated naphtha yield replayed, the bundled EIA data) behind a real {@link ApiServer} on
 * loopback. The Forecast button draws the engine's bands on the trend; Run analysis shows its findings; a
 * viewer's buttons are disabled with the reason, and a dead engine is a status line.
 */
class RemoteModulesConsoleTest {

    static final int ROWS = 21 * 24 * 12;

    @TempDir
    static Path dir;

    static String previousHome;
    static Engine engine;
    static String viewer;
    static String operator;

    RemoteWindow console;
    ApiServer server;
    ConsoleWindow window;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startEngine() throws Exception {
        previousHome = System.setProperty("dang.home", "..");
        Path tags = Files.writeString(dir.resolve("tags.csv"), """
                tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband
                naphtha_yield,Naphtha yield,%,0,100,,,,,,
                """);
        Path history = dir.resolve("history.csv");
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        Random rnd = new Random(3);
        double noise = 0;
        try (BufferedWriter w = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            w.write("time,naphtha_yield\n");
            for (int i = 0; i < ROWS; i++) {
                noise = 0.97 * noise + 0.08 * rnd.nextGaussian();
                w.write(t0.plusSeconds(300L * i) + "," + String.format(Locale.ROOT, "%.3f",
                        62 + 3 * Math.sin(2 * Math.PI * i / 288.0) + noise) + "\n");
            }
        }
        engine = EngineModules.installAvailable(Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions"))));
        engine.attach(new CsvReplaySource(history, tags, new CsvReplaySource.Options(0, false)));
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        Waits.replayed(engine, ROWS);
        assertEquals(ROWS, engine.plant().scanCount());
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
        if (previousHome == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", previousHome);
        }
    }

    private void open(String token) throws Exception {
        console = RemoteWindow.open(engine, dir, token);
        server = console.server();
        window = console.window();
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aRemoteForecastDrawsTheEnginesBandsOnTheTrend() throws Exception {
        open(operator);
        robot.interact(() -> window.showTrend("naphtha_yield"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#trend-naphtha_yield").tryQuery()
                .isPresent());
        Button forecast = robot.lookup("#trend-forecast").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !forecast.isDisabled());
        robot.clickOn(forecast);
        Label status = robot.lookup("#trend-forecast-status").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains("running on the engine at "
                + server.uri()));
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> status.getText()
                .matches("(Ridge kept|XGBoost:|forecast of .* (failed|rejected|not started)).*"));
        String text = status.getText();
        assertTrue(text.startsWith("Ridge kept: ") || text.startsWith("XGBoost: "), text);
        WaitForAsyncUtils.waitForFxEvents();
        XYChart chart = robot.lookup("#trend-naphtha_yield").query();
        DataSet band95 = chart.getRenderers().get(2).getDatasets().get(0);
        DataSet band80 = chart.getRenderers().get(2).getDatasets().get(1);
        assertEquals(12, band95.getDataCount(), "twelve hourly steps from the engine");
        for (int i = 0; i < band95.getDataCount(); i++) {
            double w95 = ((DataSetError) band95).getErrorPositive(DataSet.DIM_Y, i);
            double w80 = ((DataSetError) band80).getErrorPositive(DataSet.DIM_Y, i);
            assertTrue(w95 > w80, "step " + (i + 1) + ": 95% " + w95 + " vs 80% " + w80);
        }
        assertTrue(!forecast.isDisabled(), "enabled again when the run is over");
        Screenshots.write(robot, chart, "remote-trend-forecast.png");
        assertTrue(engine.store().auditTrail(20).stream().anyMatch(a -> a.actor().equals("op.lee")
                && a.target().equals("module forecasting") && a.result().equals("OK")), "audited on the engine");
    }

    @Test
    void theCrackSpreadTileShowsTheEnginesMarketFigure() throws Exception {
        open(viewer);
        Instant plantTime = engine.plant().tags().latest("naphtha_yield").orElseThrow().time();
        MarketQuote expected = engine.crackSpreadAt(plantTime).orElseThrow();
        Tile crack = robot.lookup("#tile-crack_spread").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(crack.getValue() - expected.value()) < 1e-9);
        // The generated plant month is years after the bundled market data ends: the figure is marked stale.
        assertEquals(Quality.STALE, expected.quality());
        assertEquals("STALE", crack.getText(), "marked stale as the engine says");
    }

    @Test
    void aRemoteMarketAnalysisShowsItsFindingsAndADeadEngineIsAStatus() throws Exception {
        open(operator);
        robot.clickOn("Market");
        assertTrue(robot.lookup("#market-remote-note").tryQuery().isEmpty());
        DatePicker date = robot.lookup("#market-as-of").query();
        robot.interact(() -> date.setValue(LocalDate.of(2020, 4, 22)));
        robot.clickOn(robot.lookup("#market-refresh").queryButton());
        TableView<FindingRow> table = robot.lookup("#market-findings").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Waits.readOnFx(() -> table.getItems().stream().anyMatch(r -> r.change()
                && r.headline().startsWith("Crude stocks +15.0 Mb"))), "the crude build of the week to 17 April 2020 is a surprise");
        Label status = robot.lookup("#market-status").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("market as of 2020-04-22:"));
        XYChart stocks = robot.lookup("#market-stocks-chart").query();
        assertEquals(156, stocks.getAllDatasets().get(1).getDataCount(), "three years of weeks");
        Screenshots.write(robot, (Node) table, "remote-market.png");

        // The engine goes away: the next request is a status line, the findings on screen stay.
        server.close();
        int rows = Waits.readOnFx(() -> table.getItems().size());
        robot.interact(() -> date.setValue(LocalDate.of(2008, 10, 15)));
        robot.clickOn(robot.lookup("#market-refresh").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith(
                "market analysis as of 2008-10-15 not started: "));
        assertTrue(status.getText().contains("cannot reach the engine at " + server.uri()), status.getText());
        assertEquals(rows, (int) Waits.readOnFx(() -> table.getItems().size()), "the last analysis stays on screen");
        assertTrue(!robot.lookup("#market-refresh").queryButton().isDisabled(), "the button is ready for a retry");
    }

    @Test
    void aViewerMayNotRunEitherAndIsToldWhy() throws Exception {
        open(viewer);
        robot.interact(() -> window.showTrend("naphtha_yield"));
        WaitForAsyncUtils.waitForFxEvents();
        Button forecast = robot.lookup("#trend-forecast").queryButton();
        assertTrue(forecast.isDisabled());
        Tooltip why = (Tooltip) forecast.getParent().getProperties().values().stream()
                .filter(v -> v instanceof Tooltip).findFirst().orElseThrow();
        assertTrue(why.getText().contains("request module runs"), why.getText());
        robot.clickOn("Market");
        Button run = robot.lookup("#market-refresh").queryButton();
        assertTrue(run.isDisabled());
        Tooltip tip = (Tooltip) run.getParent().getProperties().values().stream().filter(v -> v instanceof Tooltip)
                .findFirst().orElseThrow();
        assertTrue(tip.getText().contains("you are signed in as viewer"), tip.getText());
    }
}
