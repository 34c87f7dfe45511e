package org.dang.engine.module.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.dang.engine.module.market.analysis.PublicationCalendar;
import org.dang.engine.module.market.analysis.SeasonalBands;
import org.dang.engine.module.market.analysis.VolatilityRegime;
import org.dang.engine.module.market.analysis.WeeklyProfile;
import org.dang.engine.module.market.loading.Cadence;
import org.dang.engine.module.market.loading.MarketData;
import org.dang.engine.module.market.loading.MarketDataLoader;
import org.dang.engine.module.market.loading.MarketSeries;
import org.dang.engine.module.market.loading.Observations;
import org.dang.engine.module.market.loading.SeriesId;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.Quality;

/** The market analysis on the bundled EIA history: publication lag, no look-ahead, norms, and known events. */
class MarketAnalysisTest {

    static MarketData data;
    static MarketAnalysis analysis;

    @BeforeAll
    static void load() throws IOException {
        data = MarketDataLoader.load(MarketLoaderTest.DATA);
        analysis = new MarketAnalysis(data, MarketSettings.defaults());
    }

    @Test
    void weeklyDataIsSeenFromTheWednesdayAfterItsWeek() {
        // Week ending Friday 2020-04-17: released Wednesday 2020-04-22.
        assertEquals(LocalDate.of(2020, 4, 10), analysis.report(LocalDate.of(2020, 4, 21)).dataThrough()
                .get(SeriesId.CRUDE_STOCKS));
        assertEquals(LocalDate.of(2020, 4, 17), analysis.report(LocalDate.of(2020, 4, 22)).dataThrough()
                .get(SeriesId.CRUDE_STOCKS));
        Instant release = PublicationCalendar.weeklyRelease(LocalDate.of(2020, 4, 17));
        assertEquals(Instant.parse("2020-04-22T15:30:00Z"), release);
        assertEquals(LocalDate.of(2020, 4, 10), analysis.report(release.minusSeconds(1), false).dataThrough()
                .get(SeriesId.CRUDE_STOCKS), "one second before the release");
        assertEquals(LocalDate.of(2020, 4, 17), analysis.report(release, false).dataThrough()
                .get(SeriesId.CRUDE_STOCKS));
        // Daily prices count from the end of their day.
        assertEquals(LocalDate.of(2020, 4, 17), analysis.report(Instant.parse("2020-04-20T12:00:00Z"), false)
                .dataThrough().get(SeriesId.WTI));
        assertEquals(LocalDate.of(2020, 4, 20), analysis.report(LocalDate.of(2020, 4, 20)).dataThrough()
                .get(SeriesId.WTI));
    }

    @Test
    void aReportUsesNothingPublishedAfterItsDate() {
        for (LocalDate d : List.of(LocalDate.of(1991, 1, 16), LocalDate.of(2008, 7, 16), LocalDate.of(2008, 10, 15),
                LocalDate.of(2014, 11, 28), LocalDate.of(2020, 4, 21), LocalDate.of(2022, 3, 9))) {
            MarketReport full = analysis.report(d);
            MarketReport cut = new MarketAnalysis(publishedBy(d), MarketSettings.defaults()).report(d);
            assertEquals(cut.findings(), full.findings(), "findings as of " + d);
            assertEquals(cut.indicators(), full.indicators(), "indicators as of " + d);
            assertEquals(cut.dataThrough(), full.dataThrough());
            assertEquals(cut.stocks().size(), full.stocks().size());
            for (int i = 0; i < full.stocks().size(); i++) {
                assertArrayEquals(cut.stocks().get(i).mean(), full.stocks().get(i).mean(), "band as of " + d);
            }
            assertArrayEquals(cut.crackSpread().values(), full.crackSpread().values());
            assertFalse(full.findings().isEmpty());
        }
    }

    /** The data set as it stood at the end of {@code d}: every series cut at what was published by then. */
    private static MarketData publishedBy(LocalDate d) {
        Instant asOf = PublicationCalendar.endOf(d);
        Map<SeriesId, MarketSeries> cut = new EnumMap<>(SeriesId.class);
        for (MarketSeries s : data.series().values()) {
            long last = s.cadence() == Cadence.DAILY ? PublicationCalendar.lastVisibleDay(asOf)
                    : PublicationCalendar.lastVisibleWeekEnd(asOf);
            Observations o = s.observations();
            int n = o.lastAtOrBefore(last) + 1;
            cut.put(s.id(), new MarketSeries(s.id(), s.source(), new Observations(Arrays.copyOf(o.days(), n),
                    Arrays.copyOf(o.values(), n)), s.notes()));
        }
        return new MarketData(cut);
    }

    @Test
    void seasonalNormIsTheSameWeekOfTheFivePreviousYears() {
        int weeks = 7 * 53;
        long[] days = new long[weeks];
        double[] values = new double[weeks];
        LocalDate start = LocalDate.of(2010, 1, 1);
        for (int i = 0; i < weeks; i++) {
            LocalDate d = start.plusWeeks(i);
            days[i] = d.toEpochDay();
            values[i] = 100 + 10 * (d.getYear() - 2010);
        }
        Observations o = new Observations(days, values);
        SeasonalBands b = SeasonalBands.of(o, values);
        int i = o.lastAtOrBefore(LocalDate.of(2016, 6, 15).toEpochDay());
        assertEquals(130, b.mean()[i], 1e-9, "2011..2015 at 110..150");
        assertEquals(110, b.min()[i], 1e-9);
        assertEquals(150, b.max()[i], 1e-9);
        assertEquals(Math.sqrt(250), b.std()[i], 1e-9);
        assertEquals(5, b.years()[i]);
        assertEquals((160 - 130) / Math.sqrt(250), b.sigma(i, values[i]), 1e-9);
        int early = o.lastAtOrBefore(LocalDate.of(2012, 6, 15).toEpochDay());
        assertTrue(Double.isNaN(b.mean()[early]), "two earlier years are not a norm");
    }

    @Test
    void daysOfSupplyIsStocksOverFourWeekProductSupplied() {
        MarketReport r = analysis.report(LocalDate.of(2019, 6, 19));
        Finding dos = r.findings().stream().filter(f -> f.kind() == FindingKind.DAYS_OF_SUPPLY).findFirst().orElseThrow();
        long week = LocalDate.of(2019, 6, 14).toEpochDay();
        Observations stocks = data.weekly(SeriesId.GASOLINE_STOCKS);
        double expected = stocks.value(stocks.at(week)) / WeeklyProfile.fourWeekAverage(
                data.weekly(SeriesId.GASOLINE_SUPPLIED), week);
        assertEquals(expected, dos.value(), 1e-9);
        assertTrue(dos.value() > 20 && dos.value() < 30, "US gasoline cover is three to four weeks: " + dos.value());
        assertNotNull(r.daysOfSupply());
        assertEquals(dos.value(), r.daysOfSupply().actual()[r.daysOfSupply().size() - 1], 1e-9);
    }

    @Test
    void negativeWtiIsAPriceCollapseThatFiresTheMarketTrigger() {
        MarketReport r = analysis.report(LocalDate.of(2020, 4, 20));
        MarketIndicators m = r.indicators();
        assertEquals(Quality.GOOD, m.dataQuality());
        assertTrue(m.priceMoveSigma() < -MarketSettings.defaults().marketSigma(), "WTI to -36.98: " + m);
        Finding wti = r.findings().stream().filter(f -> f.subject().equals("WTI")).findFirst().orElseThrow();
        assertTrue(wti.change());
        assertEquals(-36.98, wti.value(), 1e-9);
        assertEquals(LocalDate.of(2020, 4, 13), wti.since(), "five trading days back");
        assertTrue(wti.headline().startsWith("WTI down $59.34/bbl (-265.4%) to -$36.98 over 5 trading days since 2020-04-13"), wti.headline());
        assertTrue(r.findings().getFirst().importance() >= r.findings().getLast().importance(), "ranked");
    }

    @Test
    void lateTwoThousandEightIsAHighVolatilityRegime() {
        MarketReport r = analysis.report(LocalDate.of(2008, 12, 10));
        Finding regime = r.findings().stream().filter(f -> f.kind() == FindingKind.VOLATILITY_REGIME).findFirst()
                .orElseThrow();
        assertTrue(regime.value() > 45, "annualised WTI volatility in % a year: " + regime.headline());
        assertTrue(regime.since().isAfter(LocalDate.of(2008, 8, 31)) && regime.since().isBefore(LocalDate.of(2008, 11, 1)),
                regime.headline());
        assertTrue(regime.headline().contains(VolatilityRegime.of(regime.value() / 100).name()), regime.headline());
    }

    @Test
    void staleSeriesAreNotedAndDoNotMoveTheTrigger() {
        MarketReport r = analysis.report(LocalDate.of(2024, 6, 5));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("crude stocks: stale, latest data 2022-03-04")),
                r.notes().toString());
        assertTrue(r.findings().stream().noneMatch(f -> f.kind() == FindingKind.INVENTORY_SURPRISE));
        assertEquals(0, r.indicators().inventorySurpriseSigma());
        assertEquals(0, r.indicators().crackSpreadMoveSigma(), "product prices end in 2021, futures in 2022");
        assertEquals(Quality.GOOD, r.indicators().dataQuality(), "WTI is current");
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == FindingKind.UTILISATION_TREND));

        MarketReport none = analysis.report(LocalDate.of(1980, 1, 1));
        assertEquals(Quality.MISSING, none.indicators().dataQuality());
        assertTrue(none.findings().isEmpty());
        assertTrue(none.stocks().isEmpty());

        MarketReport after = analysis.report(LocalDate.of(2026, 11, 24));
        assertEquals(Quality.STALE, after.indicators().dataQuality(), "WTI ends 2026-08-18");
        assertEquals(0, after.indicators().priceMoveSigma());
    }

    @Test
    void inventorySurpriseIsTheChangeAgainstItsSeasonalNorm() {
        MarketReport r = analysis.report(LocalDate.of(2020, 4, 22));
        Finding crude = r.findings().stream().filter(f -> f.kind() == FindingKind.INVENTORY_SURPRISE
                && f.subject().equals("crude stocks")).findFirst().orElseThrow();
        Observations o = data.weekly(SeriesId.CRUDE_STOCKS);
        int i = o.at(LocalDate.of(2020, 4, 17).toEpochDay());
        double change = o.value(i) - o.value(i - 1);
        assertEquals(15_022, change, 1e-9, "EIA: +15.0 Mb in the week to 17 April 2020");
        assertTrue(crude.headline().startsWith("Crude stocks +15.0 Mb in the week to 2020-04-17"), crude.headline());
        assertTrue(crude.sigma() > 0);
        assertEquals(crude.sigma() > 2.0, crude.change());
    }

    @Test
    void theCrackSpreadQuoteIsTheNewestPublishedValueAndTurnsStaleWhenTheDataEnds() {
        Instant asOf = java.time.LocalDate.of(2020, 4, 22).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        org.dang.engine.situation.MarketQuote q = analysis.crackSpread(asOf).orElseThrow();
        assertEquals(org.dang.engine.situation.Quality.GOOD, q.quality());
        assertEquals(java.time.LocalDate.of(2020, 4, 21), q.day(), "the day before is the newest published");
        // Gasoline and heating oil in $/gal against WTI in $/bbl, as the formula in docs/market.md.
        long day = q.day().toEpochDay();
        double rbob = value(data.daily(SeriesId.GASOLINE_NYH), day);
        double ho = value(data.daily(SeriesId.HEATING_OIL_NYH), day);
        double wti = value(data.daily(SeriesId.WTI), day);
        assertEquals((2 * rbob * 42 + ho * 42 - 3 * wti) / 3, q.value(), 1e-9);

        Instant late = java.time.LocalDate.of(2026, 10, 20).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        org.dang.engine.situation.MarketQuote stale = analysis.crackSpread(late).orElseThrow();
        assertEquals(org.dang.engine.situation.Quality.STALE, stale.quality());
        assertTrue(stale.day().getYear() <= 2022, stale.day().toString());
        assertTrue(analysis.crackSpread(java.time.LocalDate.of(1981, 1, 2).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant()).isEmpty(), "no product prices before the 1980s series start");
    }

    private static double value(Observations o, long day) {
        int i = o.at(day);
        assertTrue(i >= 0, "no value on day " + java.time.LocalDate.ofEpochDay(day));
        return o.value(i);
    }
}
