package org.dang.app.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import eu.hansolo.tilesfx.Tile;
import io.fair_acc.chartfx.XYChart;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.MarketSignal;
import org.dang.engine.situation.Quality;

/**
 * Trends in the real console: 100,000 replayed samples per tag are drawn with the zoom plugins, and
 * CSV (with each sample's quality) and PNG export write files.
 */
class PlantViewsTest {

    static final int ROWS = 100_000;

    @TempDir
    Path dir;

    private Engine engine;
    private ConsoleWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.csv"), """
                tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband
                coil_outlet_temp,Furnace coil outlet temperature,degC,250,420,,335,380,385,HIGH,1
                top_pressure,Column top pressure,barg,0,4,,,1.9,2.1,HIGH,0.02
                """);
        Path history = dir.resolve("history.csv");
        Instant t0 = Instant.parse("2026-07-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            w.write("time,coil_outlet_temp,top_pressure\n");
            for (int i = 0; i < ROWS; i++) {
                String cot = i == 500 ? "NaN" : String.format(Locale.ROOT, "%.2f", 360 + 5 * Math.sin(i / 600.0));
                w.write(t0.plusSeconds(60L * i) + "," + cot + "," + String.format(Locale.ROOT, "%.3f",
                        1.5 + 0.05 * Math.cos(i / 90.0)) + "\n");
            }
        }
        DangConfig d = DangConfig.defaults();
        engine = Engine.open(d.withStore(dir.resolve("decisions")));
        engine.attach(new CsvReplaySource(history, tags, new CsvReplaySource.Options(0, false)));
        // The overview's crack-spread tile shows the market's newest published value, here one gone stale.
        engine.watchMarket(new MarketSignal() {
            @Override
            public Optional<MarketIndicators> at(Instant time) {
                return Optional.empty();
            }

            @Override
            public Optional<MarketQuote> crackSpreadAt(Instant time) {
                return Optional.of(new MarketQuote(24.5, LocalDate.of(2022, 2, 15), Quality.STALE));
            }
        });
        Waits.replayed(engine, ROWS);
        assertEquals(ROWS, engine.plant().scanCount());
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
    void hundredThousandPointTrendWithExports() throws Exception {
        robot.interact(() -> {
            window.showTrend("coil_outlet_temp");
            robot.lookup("#trend-range").queryComboBox().getSelectionModel().select(TrendRange.ALL);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#trend-coil_outlet_temp").tryQuery()
                .isPresent());
        XYChart chart = robot.lookup("#trend-coil_outlet_temp").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ROWS, chart.getAllDatasets().getFirst().getDataCount());
        assertTrue(chart.getPlugins().stream().anyMatch(p -> p.getClass().getSimpleName().equals("Zoomer")));

        TrendView view = robot.lookup(".trend-view").query();
        Path csv = dir.resolve("trend.csv");
        Path png = dir.resolve("trend.png");
        robot.interact(() -> {
            view.exportCsv(csv.toFile());
            view.exportPng(png.toFile());
        });
        List<String> lines = Files.readAllLines(csv);
        assertEquals(ROWS + 1, lines.size());
        assertEquals("coil_outlet_temp,degC,2026-07-01T08:20:00Z,,BAD", lines.get(501), "the NaN sample keeps its quality");
        assertTrue(Files.size(png) > 10_000, "PNG written");
        Screenshots.write(robot, (Node) view, "trends.png");
    }

    @Test
    void overviewTilesShowLiveValuesAndNameBadQuality() throws Exception {
        robot.clickOn("Overview");
        Tile cot = robot.lookup("#tile-coil_outlet_temp").query();
        double last = 360 + 5 * Math.sin((ROWS - 1) / 600.0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(cot.getValue() - last) < 0.01);
        assertEquals("", cot.getText());
        assertEquals("degC", cot.getUnit());
        Tile feed = robot.lookup("#tile-feed_rate").query();
        assertEquals("MISSING", feed.getText(), "a tag without data says so");
        Tile crack = robot.lookup("#tile-crack_spread").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(crack.getValue() - 24.5) < 1e-9);
        assertEquals("STALE", crack.getText(), "an old market value is marked stale");
        assertEquals("USD/bbl", crack.getUnit());
        Screenshots.write(robot, cot, "overview.png");
    }

    @Test
    void processHealthShowsWhichTagsDriveTheAnomaly() throws Exception {
        robot.clickOn("Overview");
        // The sine waves run far beyond the two days the monitor learnt from: that is an anomaly.
        Label state = robot.lookup("#process-health-state").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state.getText().contains("ANOMALY")
                || state.getText().contains("last anomaly began"));
        BarChart<String, Number> plot = robot.lookup("#contribution-plot").query();
        assertTrue(plot.isVisible());
        assertEquals(List.of("coil_outlet_temp", "top_pressure").stream().sorted().toList(),
                plot.getData().getFirst().getData().stream().map(javafx.scene.chart.XYChart.Data::getXValue).sorted()
                        .toList());
    }
}
