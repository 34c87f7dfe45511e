package org.dang.app.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.app.console.Screenshots;
import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.client.EmbeddedConnection;
import org.dang.engine.config.DangConfig;
import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/** The trend's Forecast button runs the real forecasting module through the coordinator and draws its bands. */
class TrendForecastTest {

    @TempDir
    Path dir;

    private Engine engine;
    private ExecutorService background;
    private TrendView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        engine = EngineModules.installAvailable(Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions"))));
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        // Three weeks of 5-minute data with a daily cycle and slow noise: the module buckets it into hours.
        java.util.Random rnd = new java.util.Random(3);
        double noise = 0;
        for (int i = 0; i < 21 * 24 * 60; i += 5) {
            Instant t = t0.plus(Duration.ofMinutes(i));
            noise = 0.97 * noise + 0.08 * rnd.nextGaussian();
            double v = 62 + 3 * Math.sin(2 * Math.PI * i / (24 * 60.0)) + noise;
            engine.plant().tags().append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, Quality.GOOD))));
        }
        background = Executors.newSingleThreadExecutor();
        TrendViewModel vm = new TrendViewModel(new EmbeddedConnection(engine,
                new User("op.lee", Role.OPERATOR, "test")).tags(), List.of(new TagDefinition("naphtha_yield",
                "Naphtha yield", "%", 0, 100, AlarmLimits.none())), background);
        vm.rangeProperty().set(TrendRange.DAY);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            User op = new User("op.lee", Role.OPERATOR, "test");
            view = new TrendView(vm, new ForecastMediator(new EmbeddedConnection(engine, op).runs(), op));
            s.setScene(new Scene(view, 1280, 560));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        engine.close();
    }

    @Test
    void forecastButtonDrawsTheBandsAndSaysWhichModel() throws Exception {
        Button forecast = robot.lookup("#trend-forecast").queryAs(Button.class);
        assertTrue(forecast.isDisable(), "no tag ticked yet");
        robot.interact(() -> view.show("naphtha_yield"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!forecast.isDisable(), "one tag ticked");
        robot.clickOn(forecast);
        Label status = robot.lookup("#trend-forecast-status").queryAs(Label.class);
        // The run takes seconds on the coordinator's thread; the FX thread only receives its progress and result.
        for (int i = 0; i < 2400 && !status.getText().matches("(Ridge kept|XGBoost:|forecast of .* failed).*"); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        String text = status.getText();
        assertTrue(text.startsWith("Ridge kept: ") || text.startsWith("XGBoost: "), text);
        assertTrue(!forecast.isDisable(), "enabled again when the run is over");
        io.fair_acc.chartfx.XYChart chart = robot.lookup("#trend-naphtha_yield").queryAs(io.fair_acc.chartfx.XYChart.class);
        assertNotNull(chart);
        var band95 = chart.getRenderers().get(2).getDatasets().get(0);
        assertEquals(ForecastMediator.HORIZON, band95.getDataCount());
        // The 95% band is wider than the 80% band at every step.
        var band80 = chart.getRenderers().get(2).getDatasets().get(1);
        for (int i = 0; i < band95.getDataCount(); i++) {
            double w95 = ((io.fair_acc.dataset.DataSetError) band95).getErrorPositive(io.fair_acc.dataset.DataSet.DIM_Y, i);
            double w80 = ((io.fair_acc.dataset.DataSetError) band80).getErrorPositive(io.fair_acc.dataset.DataSet.DIM_Y, i);
            assertTrue(w95 > w80, "step " + (i + 1) + ": 95% " + w95 + " vs 80% " + w80);
        }
        Screenshots.write(robot, view, "trend-forecast.png");
        // The request is in the audit trail.
        assertTrue(engine.store().auditTrail(10).stream().anyMatch(a -> a.target().equals("forecasting naphtha_yield")
                && a.result().equals("OK")), engine.store().auditTrail(10).toString());
    }

    @Test
    void viewersMayNotRequestAForecastAndTheButtonSaysWhy() {
        User guest = new User("guest", Role.VIEWER, "test");
        ForecastMediator viewer = new ForecastMediator(new EmbeddedConnection(engine, guest).runs(), guest);
        assertTrue(!viewer.allowed());
        assertTrue(viewer.deniedReason().contains("request module runs"), viewer.deniedReason());
    }
}
