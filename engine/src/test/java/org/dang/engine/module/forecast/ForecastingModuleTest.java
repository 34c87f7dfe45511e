package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.config.DangConfig;
import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.RunContext;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagStore;
import org.dang.engine.situation.Quality;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.ForecastModelRecord;

class ForecastingModuleTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @TempDir
    Path dir;

    private DecisionStore store;
    private TagStore tags;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));
    private ForecastingModule module;

    @BeforeEach
    void open() {
        store = DecisionStore.open(dir.resolve("decisions"));
        tags = new TagStore(100_000);
        module = new ForecastingModule(tags, store, ForecastSettings.from(DangConfig.defaults()).withModelTtl(Duration.ofHours(1)),
                now::get);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Readings every 10 minutes for {@code hours} hours: a daily cycle plus AR noise, and a feed input. */
    private void feed(String tag, int hours, long seed, DoubleUnaryOperator level) {
        Random rnd = new Random(seed);
        double noise = 0;
        for (int i = 0; i < hours * 6; i++) {
            Instant t = START.plus(Duration.ofMinutes(10L * i));
            noise = 0.8 * noise + 0.3 * rnd.nextGaussian();
            double hour = i / 6.0;
            double v = level.applyAsDouble(hour) + 2 * Math.sin(2 * Math.PI * hour / 24) + noise;
            tags.append(new PlantScan(t, List.of(new TagSample(tag, t, v, Quality.GOOD))));
        }
    }

    private static final class Context implements RunContext {
        final List<String> messages = new ArrayList<>();
        volatile boolean cancelled;

        @Override
        public void progress(double fraction, String message) {
            messages.add(message);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    private ForecastRequest request(String tag, int horizon, String choice, boolean retrain) {
        return ForecastRequest.fromParameters(Map.of("tags", List.of(tag), "horizon", horizon, "model_selection", choice,
                "retrain", retrain, "lags", 6));
    }

    @Test
    void forecastsWithWideningBandsThenReusesTheStoredModelUntilRetrainIsAsked() throws Exception {
        feed("naphtha_yield", 24 * 30, 1, h -> 20);
        Context ctx = new Context();
        TagForecast first = module.run(request("naphtha_yield", 6, "ridge", false), ctx).forecasts().getFirst();
        assertFalse(first.reused());
        assertEquals(ModelFamily.RIDGE, first.model());
        assertEquals(6, first.points().size());
        ForecastPoint p1 = first.points().getFirst();
        ForecastPoint p6 = first.points().getLast();
        assertTrue(p1.lo95() < p1.lo80() && p1.lo80() < p1.value() && p1.value() < p1.hi80() && p1.hi80() < p1.hi95());
        assertTrue(p6.hi95() - p6.lo95() > p1.hi95() - p1.lo95(), "bands widen with the horizon");
        assertEquals(Instant.parse("2026-10-31T00:00:00Z"), p1.time(), "one hour after the last hourly bucket");
        assertTrue(ctx.messages.stream().anyMatch(m -> m.contains("backtesting Ridge")), ctx.messages.toString());

        ForecastModelRecord rec = store.forecastModels("naphtha_yield", 1).getFirst();
        assertEquals(first.modelId(), rec.id());
        assertEquals("ridge", rec.family());
        assertTrue(Files.exists(store.modelsFolder().resolve(rec.file())));
        assertTrue(rec.featuresJson().contains("naphtha_yield_lag5"), rec.featuresJson());
        assertTrue(rec.metricsJson().contains("\"half95\""), rec.metricsJson());

        TagForecast again = module.run(request("naphtha_yield", 6, "ridge", false), new Context()).forecasts().getFirst();
        assertTrue(again.reused());
        assertEquals(first.modelId(), again.modelId());
        assertEquals(p1.value(), again.points().getFirst().value(), 1e-9);
        assertEquals(p6.hi95(), again.points().getLast().hi95(), 1e-9);

        TagForecast retrained = module.run(request("naphtha_yield", 6, "ridge", true), new Context()).forecasts().getFirst();
        assertFalse(retrained.reused());
        assertNotEquals(first.modelId(), retrained.modelId());
    }

    @Test
    void expiredOrTamperedModelsAreRetrained() throws Exception {
        feed("naphtha_yield", 24 * 20, 2, h -> 20);
        TagForecast first = module.run(request("naphtha_yield", 3, "ridge", false), new Context()).forecasts().getFirst();
        now.set(now.get().plus(Duration.ofMinutes(61)));
        Context ctx = new Context();
        TagForecast expired = module.run(request("naphtha_yield", 3, "ridge", false), ctx).forecasts().getFirst();
        assertFalse(expired.reused());
        assertTrue(ctx.messages.stream().anyMatch(m -> m.contains("past its TTL of 60 min")), ctx.messages.toString());

        Path file = store.modelsFolder().resolve(expired.modelId() + ".model");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        Context tampered = new Context();
        TagForecast redone = module.run(request("naphtha_yield", 3, "ridge", false), tampered).forecasts().getFirst();
        assertFalse(redone.reused());
        assertTrue(tampered.messages.stream().anyMatch(m -> m.contains("has changed since it was written")),
                tampered.messages.toString());
        assertNotEquals(first.modelId(), redone.modelId());
    }

    @Test
    void aLevelShiftAfterTrainingIsDriftAndRetrains() throws Exception {
        feed("naphtha_yield", 24 * 20, 3, h -> 20);
        module.run(request("naphtha_yield", 3, "ridge", false), new Context());
        // Two more days where the unit runs 6 units higher than before and swings: the model's errors jump.
        Random rnd = new Random(4);
        for (int i = 24 * 20 * 6; i < 24 * 22 * 6; i++) {
            Instant t = START.plus(Duration.ofMinutes(10L * i));
            double v = 26 + 4 * Math.sin(i / 3.0) + rnd.nextGaussian();
            tags.append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, Quality.GOOD))));
        }
        Context ctx = new Context();
        TagForecast f = module.run(request("naphtha_yield", 3, "ridge", false), ctx).forecasts().getFirst();
        assertFalse(f.reused());
        assertTrue(ctx.messages.stream().anyMatch(m -> m.contains("data drifted: one-step RMSE")), ctx.messages.toString());
    }

    @Test
    void autoSelectionRecordsTheChoiceAndItsReason() throws Exception {
        feed("naphtha_yield", 24 * 30, 5, h -> 20);
        ForecastResult r = module.run(request("naphtha_yield", 3, "auto", false), new Context());
        TagForecast f = r.forecasts().getFirst();
        assertTrue(f.reason().startsWith("Ridge kept") || f.reason().startsWith("XGBoost:"), f.reason());
        assertTrue(r.summary().contains(f.reason()), r.summary());
        assertTrue(r.summary().startsWith("naphtha_yield: 3 steps by "), r.summary());
    }

    @Test
    void cancellationStopsTraining() {
        feed("naphtha_yield", 24 * 30, 6, h -> 20);
        Context ctx = new Context();
        ctx.cancelled = true;
        assertThrows(CancellationException.class, () -> module.run(request("naphtha_yield", 3, "xgboost", false), ctx));
    }

    @Test
    void unknownTagNamesTheKnownOnes() {
        feed("naphtha_yield", 48, 7, h -> 20);
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> module.run(request("kero_yield", 3, "ridge", false), new Context()));
        assertTrue(e.getMessage().startsWith("unknown tag 'kero_yield'"), e.getMessage());
        assertTrue(e.getMessage().contains("naphtha_yield"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void constantSeriesIsRefusedAsFlatLined() {
        feed("naphtha_yield", 24 * 10, 8, h -> 20);
        for (int i = 0; i < 24 * 10 * 6; i++) {
            Instant t = START.plus(Duration.ofMinutes(10L * i));
            tags.append(new PlantScan(t, List.of(new TagSample("flat", t, 5.0, Quality.GOOD))));
        }
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> module.run(request("flat", 3, "ridge", false), new Context()));
        assertTrue(e.getMessage().startsWith("'flat' is constant at 5.0 over 240 steps"), e.getMessage());
    }

    @Test
    void tooShortAndHorizonBeyondTheDataAreRefused() {
        feed("naphtha_yield", 20, 9, h -> 20);
        ModuleFailure shortOne = assertThrows(ModuleFailure.class,
                () -> module.run(request("naphtha_yield", 3, "ridge", false), new Context()));
        assertTrue(shortOne.getMessage().startsWith("too short: 'naphtha_yield' has 20 steps of PT1H"), shortOne.getMessage());
        ModuleFailure longHorizon = assertThrows(ModuleFailure.class,
                () -> module.run(request("naphtha_yield", 48, "ridge", false), new Context()));
        assertTrue(longHorizon.getMessage().startsWith("horizon of 48 steps is longer than the history of 'naphtha_yield'"),
                longHorizon.getMessage());
    }

    @Test
    void gapsInsideAreToleratedButAGapAtTheEndNamesItsRow() throws Exception {
        // Bad-quality and NaN readings for five hours on day 6: those buckets are missing, training skips them.
        Random rnd = new Random(10);
        for (int i = 0; i < 24 * 20 * 6; i++) {
            Instant t = START.plus(Duration.ofMinutes(10L * i));
            boolean gap = i >= 24 * 6 * 6 && i < 24 * 6 * 6 + 30;
            double v = gap && i % 2 == 0 ? Double.NaN : 20 + Math.sin(i / 20.0) + 0.2 * rnd.nextGaussian();
            tags.append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, gap ? Quality.BAD : Quality.GOOD))));
        }
        TimeSeriesTable table = TagHistory.table(tags, "naphtha_yield", List.of(), Duration.ofHours(1));
        assertEquals(480, table.rows());
        assertEquals(5, java.util.Arrays.stream(table.column("naphtha_yield")).filter(Double::isNaN).count());
        assertTrue(module.run(request("naphtha_yield", 3, "ridge", false), new Context()).forecasts().size() == 1);

        TagStore gappy = new TagStore(100_000);
        for (int i = 0; i < 24 * 20 * 6; i++) {
            Instant t = START.plus(Duration.ofMinutes(10L * i));
            boolean lastHours = i >= 24 * 20 * 6 - 12;
            double v = lastHours ? Double.NaN : 20 + Math.sin(i / 10.0);
            Quality q = i >= 24 * 20 * 6 - 6 ? Quality.BAD : Quality.GOOD;
            gappy.append(new PlantScan(t, List.of(new TagSample("naphtha_yield", t, v, q))));
        }
        ForecastingModule onGappy = new ForecastingModule(gappy, store, ForecastSettings.from(DangConfig.defaults()),
                now::get);
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> onGappy.run(request("naphtha_yield", 3, "ridge", false), new Context()));
        assertTrue(e.getMessage().startsWith("'naphtha_yield' has no good value at 2026-10-20T22:00:00Z (row 479 of 480)"),
                e.getMessage());
    }

    @Test
    void badParametersNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ForecastRequest.fromParameters(Map.of("horizon", 3)))
                .getMessage().startsWith("tags:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ForecastRequest.fromParameters(
                Map.of("tags", "a", "model_selection", "prophet"))).getMessage().startsWith("model_selection: 'prophet'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ForecastRequest.fromParameters(
                Map.of("tags", "a", "horizon", 2.5))).getMessage().startsWith("horizon: expected a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ForecastRequest.fromParameters(
                Map.of("tags", "a", "interval", "soon"))).getMessage().startsWith("interval:"));
        ForecastRequest r = ForecastRequest.fromParameters(Map.of("tags", "a", "interval", "PT15M", "inputs", List.of("b")));
        assertEquals(Duration.ofMinutes(15), r.interval());
        assertEquals(ModelChoice.AUTO, r.modelSelection());
        assertEquals(ForecastRequest.DEFAULT_HORIZON, r.horizon());
        // A scheduled refresh names no tags: the configured ones are forecast.
        assertEquals(List.of("feed_rate"), ForecastRequest.fromParameters(Map.of("model_selection", "auto"),
                List.of("feed_rate")).tags());
    }
}
