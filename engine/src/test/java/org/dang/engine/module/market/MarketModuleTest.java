package org.dang.engine.module.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.TriggerKind;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.RunContext;
import org.dang.engine.module.market.analysis.PublicationCalendar;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/** The analysis module in the engine: rule 4 fires from real market data and the coordinator runs the analysis. */
class MarketModuleTest {

    @TempDir
    Path dir;

    @Test
    void marketTriggerFromRealDataInvokesTheAnalysisAndRecordsItsReport() throws Exception {
        MarketModule market = new MarketModule(MarketLoaderTest.DATA, MarketSettings.defaults());
        try (Engine engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")))) {
            engine.install(market, p -> MarketRequest.fromParameters(p, market::defaultAsOf));
            Instant plantTime = Instant.parse("2020-04-21T06:00:00Z");
            MarketIndicators m = market.at(plantTime).orElseThrow();
            assertTrue(m.priceMoveSigma() < -2, "WTI went to -36.98 on 2020-04-20: " + m);
            Situation s = new Situation("market-2020-04-21", plantTime, "", null, null, null, m, null, null, null, null);
            List<StoredDecision> out = engine.decide(s);
            StoredDecision invoke = out.stream().filter(d -> d.decision().action() == DecisionAction.INVOKE
                    && d.decision().module() == ModuleName.ANALYSIS).findFirst().orElseThrow();
            assertTrue(invoke.decision().triggers().stream().anyMatch(t -> t.kind() == TriggerKind.MARKET));
            DecisionOutcome o = awaitOutcome(engine, invoke).orElseThrow();
            assertEquals(OutcomeStatus.COMPLETED, o.status(), o.detail());
            assertTrue(o.detail().startsWith("market as of 2020-04-21:"), "analysed as of the plant time: " + o.detail());
            assertTrue(engine.store().verify().intact());
        }
    }

    @Test
    void liveSituationsTakeTheirMarketPartFromTheAnalysisAtPlantTime() throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.csv"), """
                tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband
                feed_rate,Crude feed,bbl/d,0,150000,,60000,,,MEDIUM,500
                coil_outlet_temp,Furnace coil outlet temperature,degC,250,420,,335,380,385,HIGH,1
                """);
        Path history = dir.resolve("history.csv");
        Instant t0 = Instant.parse("2020-04-20T23:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            w.write("time,feed_rate,coil_outlet_temp\n");
            for (int i = 0; i < 120; i++) {
                w.write(t0.plusSeconds(60L * i) + "," + (100_000 + i % 7) + ","
                        + String.format(Locale.ROOT, "%.2f", 360 + 0.1 * (i % 5)) + "\n");
            }
        }
        MarketModule market = new MarketModule(MarketLoaderTest.DATA, MarketSettings.defaults());
        try (Engine engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")))) {
            engine.install(market, p -> MarketRequest.fromParameters(p, market::defaultAsOf));
            engine.watchMarket(market);
            engine.attach(new CsvReplaySource(history, tags, new CsvReplaySource.Options(0, false)));
            Optional<StoredDecision> analysis = Optional.empty();
            for (int i = 0; i < 200 && analysis.isEmpty(); i++) {
                TimeUnit.MILLISECONDS.sleep(50);
                analysis = engine.store().queryAll(DecisionQuery.latest(1000)).stream()
                        .filter(d -> d.decision().module() == ModuleName.ANALYSIS
                                && d.decision().action() == DecisionAction.INVOKE).findFirst();
            }
            Decision d = analysis.orElseThrow().decision();
            assertTrue(d.triggers().stream().anyMatch(t -> t.kind() == TriggerKind.MARKET), d.triggers().toString());
            assertTrue(d.time().isAfter(Instant.EPOCH));
            // Before 00:00 UTC on 21 April the -36.98 close is not known yet; after it, it is.
            assertTrue(market.at(Instant.parse("2020-04-20T23:30:00Z")).orElseThrow().priceMoveSigma()
                    > market.at(Instant.parse("2020-04-21T00:30:00Z")).orElseThrow().priceMoveSigma());
            DecisionOutcome o = awaitOutcome(engine, analysis.get()).orElseThrow();
            assertEquals(OutcomeStatus.COMPLETED, o.status(), o.detail());
            assertTrue(o.detail().startsWith("market as of 2020-04-2"), o.detail());
        }
    }

    @Test
    void anUnreadableDataSetFailsTheRunAndMakesTheMarketPartBad() throws Exception {
        Files.createDirectories(dir.resolve("broken/original/datasets_oil-prices"));
        Files.writeString(dir.resolve("broken/original/datasets_oil-prices/wti-daily.csv"), "Date,Price\n2020-04-20,x\n");
        MarketModule market = new MarketModule(dir.resolve("broken"), MarketSettings.defaults());
        RunContext ctx = new RunContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        var e = assertThrows(org.dang.engine.module.ModuleFailure.class,
                () -> market.run(MarketRequest.endOf(java.time.LocalDate.of(2020, 4, 20)), ctx));
        assertTrue(e.getMessage().contains("wti-daily.csv:2:2: 'x' is not a number"), e.getMessage());
        assertEquals(Quality.BAD, market.at(PublicationCalendar.endOf(java.time.LocalDate.of(2020, 4, 20)))
                .orElseThrow().dataQuality());
    }

    @Test
    void requestParameters() {
        Instant now = Instant.parse("2020-04-21T06:00:00Z");
        assertEquals(new MarketRequest(now), MarketRequest.fromParameters(Map.of(), () -> now));
        assertEquals(MarketRequest.endOf(java.time.LocalDate.of(2008, 7, 16)),
                MarketRequest.fromParameters(Map.of("as_of", "2008-07-16"), () -> now));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MarketRequest.fromParameters(Map.of("as_of", "soon"), () -> now)).getMessage().contains("as_of"));
    }

    private static Optional<DecisionOutcome> awaitOutcome(Engine engine, StoredDecision s) throws Exception {
        for (int i = 0; i < 400; i++) {
            Optional<DecisionOutcome> o = engine.store().find(s.decision().id()).flatMap(StoredDecision::outcome);
            if (o.isPresent()) {
                return o;
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
        return Optional.empty();
    }
}
