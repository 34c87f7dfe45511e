package org.dang.engine.module.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.module.market.analysis.CrackSpread;
import org.dang.engine.module.market.analysis.DailyProfile;
import org.dang.engine.module.market.analysis.PublicationCalendar;
import org.dang.engine.module.market.analysis.WeeklyProfile;
import org.dang.engine.module.market.loading.Cadence;
import org.dang.engine.module.market.loading.MarketData;
import org.dang.engine.module.market.loading.MarketSeries;
import org.dang.engine.module.market.loading.Observations;
import org.dang.engine.module.market.loading.SeriesId;
import org.dang.engine.module.market.loading.SeriesNotes;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.Quality;

/**
 * The oil market analysis over the loaded EIA data. Everything that depends on history (seasonal
 * norms, changes, surprises, returns) is computed once here, each entry from earlier data only;
 * {@link #report(Instant)} then reads the state at the last observations published by the given
 * time (see {@link PublicationCalendar}); {@link PriceFindings}, {@link FundamentalFindings} and
 * {@link ChartSeries} word the findings and cut the charts. Thread-safe.
 */
public final class MarketAnalysis {


    private final MarketData data;
    private final MarketSettings settings;
    private final DailyProfile wti;
    private final DailyProfile brent;
    private final DailyProfile spread;
    private final DailyProfile crackSpot;
    private final DailyProfile crackFutures;
    private final PriceFindings prices;
    private final FundamentalFindings fundamentals;
    private final Map<SeriesId, WeeklyProfile> stocks = new EnumMap<>(SeriesId.class);
    private final WeeklyProfile daysOfSupply;
    private final WeeklyProfile demand;
    private final WeeklyProfile utilisation;
    /** What the loader repaired, per series, worded once. */
    private final Map<SeriesId, String> dataNotes = new EnumMap<>(SeriesId.class);

    /** Prepares the analysis of {@code data} with {@code settings}. */
    public MarketAnalysis(MarketData data, MarketSettings settings) {
        this.data = data;
        this.settings = settings;
        Observations wtiObs = data.daily(SeriesId.WTI);
        wti = new DailyProfile(wtiObs);
        brent = new DailyProfile(data.daily(SeriesId.BRENT));
        spread = new DailyProfile(CrackSpread.difference(wtiObs, data.daily(SeriesId.BRENT)));
        crackSpot = new DailyProfile(CrackSpread.threeTwoOne(data.daily(SeriesId.GASOLINE_NYH),
                data.daily(SeriesId.HEATING_OIL_NYH), wtiObs));
        crackFutures = new DailyProfile(CrackSpread.threeTwoOne(data.daily(SeriesId.RBOB_FUTURE_1),
                data.daily(SeriesId.HEATING_OIL_FUTURE_1), data.daily(SeriesId.CRUDE_FUTURE_1)));
        prices = new PriceFindings(settings, wti);
        fundamentals = new FundamentalFindings(settings);
        for (SeriesId s : List.of(SeriesId.CRUDE_STOCKS, SeriesId.GASOLINE_STOCKS, SeriesId.DISTILLATE_STOCKS)) {
            stocks.put(s, WeeklyProfile.of(data.weekly(s)));
        }
        Observations gasoline = data.weekly(SeriesId.GASOLINE_STOCKS);
        Observations supplied = data.weekly(SeriesId.GASOLINE_SUPPLIED);
        double[] dos = new double[gasoline.size()];
        for (int i = 0; i < dos.length; i++) {
            dos[i] = gasoline.value(i) / WeeklyProfile.fourWeekAverage(supplied, gasoline.day(i));
        }
        daysOfSupply = WeeklyProfile.of(gasoline, dos);
        demand = WeeklyProfile.of(supplied, fourWeek(supplied));
        Observations util = data.weekly(SeriesId.REFINERY_UTILISATION);
        utilisation = WeeklyProfile.of(util, fourWeek(util));
        for (MarketSeries s : data.series().values()) {
            SeriesNotes n = s.notes();
            if (!n.isClean()) {
                dataNotes.put(s.id(), s.id().eiaKey() + " (" + s.source().getFileName() + "): " + n.gaps()
                        + " missing week(s) left as gaps, " + n.duplicateDates() + " repeated date(s) dropped, "
                        + n.conflictingDates() + " conflicting repeat(s) resolved to the last row");
            }
        }
    }

    private static double[] fourWeek(Observations o) {
        double[] out = new double[o.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = WeeklyProfile.fourWeekAverage(o, o.day(i));
        }
        return out;
    }

    /** The settings in use. */
    public MarketSettings settings() {
        return settings;
    }

    /** The data analysed. */
    public MarketData data() {
        return data;
    }

    /** The report as of the end of {@code date} (UTC). */
    public MarketReport report(LocalDate date) {
        return report(PublicationCalendar.endOf(date));
    }

    /** The report as of {@code asOf}, with chart series. */
    public MarketReport report(Instant asOf) {
        return report(asOf, true);
    }

    /** The report as of {@code asOf}; without charts when {@code charts} is false (backtests). */
    public MarketReport report(Instant asOf, boolean charts) {
        LocalDate date = LocalDate.ofInstant(asOf.minusNanos(1), ZoneOffset.UTC);
        long dayMax = PublicationCalendar.lastVisibleDay(asOf);
        long weekMax = PublicationCalendar.lastVisibleWeekEnd(asOf);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<SeriesId, LocalDate> through = new EnumMap<>(SeriesId.class);
        for (SeriesId id : SeriesId.values()) {
            Observations o = data.observations(id);
            long max = id.cadence() == Cadence.DAILY ? dayMax : weekMax;
            int i = o.lastAtOrBefore(max);
            if (i >= 0) {
                through.put(id, o.date(i));
            }
        }
        long today = date.toEpochDay();

        double priceSigma = 0;
        int wtiAt = fresh("WTI", wti.observations(), dayMax, today, notes);
        Optional<Finding> wtiMove = prices.move(FindingKind.PRICE_MOVE, "WTI", "$/bbl", wti, wtiAt);
        wtiMove.ifPresent(findings::add);
        priceSigma = larger(priceSigma, wtiMove);
        Optional<Finding> brentMove = prices.move(FindingKind.PRICE_MOVE, "Brent", "$/bbl", brent,
                fresh("Brent", brent.observations(), dayMax, today, notes));
        brentMove.ifPresent(findings::add);
        priceSigma = larger(priceSigma, brentMove);
        prices.move(FindingKind.SPREAD_MOVE, "WTI-Brent spread", "$/bbl", spread,
                fresh("WTI-Brent spread", spread.observations(), dayMax, today, notes)).ifPresent(findings::add);

        // The crack spread from spot prices (to April 2021), else from NYMEX front months (to February 2022).
        DailyProfile crack = crackSpot;
        String crackName = "3-2-1 crack (NYH spot)";
        int crackAt = freshIndex(crackSpot.observations(), dayMax, today);
        if (crackAt < 0) {
            int futuresAt = freshIndex(crackFutures.observations(), dayMax, today);
            if (futuresAt >= 0) {
                crack = crackFutures;
                crackName = "3-2-1 crack (NYMEX front month)";
                crackAt = futuresAt;
            } else {
                staleNote("3-2-1 crack spread", crackSpot.observations().size() > 0 ? latest(crackSpot, crackFutures,
                        dayMax) : null, today, notes);
            }
        }
        double crackSigma = 0;
        double marginShift = 0;
        if (crackAt >= 0) {
            Optional<Finding> crackMove = prices.move(FindingKind.CRACK_MOVE, crackName, "$/bbl", crack, crackAt);
            crackMove.ifPresent(findings::add);
            crackSigma = larger(0, crackMove);
            Optional<Finding> margin = prices.marginShift(crackName, crack.observations(), crackAt);
            margin.ifPresent(findings::add);
            marginShift = margin.map(Finding::value).orElse(0.0);
        }
        if (wtiAt >= 0) {
            prices.regime(wtiAt).ifPresent(findings::add);
        }

        double inventorySigma = 0;
        for (Map.Entry<SeriesId, WeeklyProfile> e : stocks.entrySet()) {
            String name = stockName(e.getKey());
            WeeklyProfile p = e.getValue();
            int j = freshWeek(name, p, weekMax, today, notes);
            if (j < 0) {
                continue;
            }
            Optional<Finding> surprise = fundamentals.surprise(name, p, j);
            surprise.ifPresent(findings::add);
            inventorySigma = larger(inventorySigma, surprise);
            fundamentals.level(name, p, j).ifPresent(findings::add);
        }
        int d = freshWeek("gasoline days of supply", daysOfSupply, weekMax, today, notes);
        if (d >= 0) {
            fundamentals.daysOfSupply(daysOfSupply, d).ifPresent(findings::add);
        }
        int m = freshWeek("gasoline product supplied", demand, weekMax, today, notes);
        if (m >= 0) {
            fundamentals.demand(demand, m).ifPresent(findings::add);
        }
        int u = freshWeek("refinery utilisation", utilisation, weekMax, today, notes);
        if (u >= 0) {
            fundamentals.utilisation(utilisation, u).ifPresent(findings::add);
        }
        for (Map.Entry<SeriesId, String> e : dataNotes.entrySet()) {
            if (through.containsKey(e.getKey())) {
                notes.add(e.getValue());
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::importance).reversed());
        Quality quality = wtiAt >= 0 ? Quality.GOOD : through.containsKey(SeriesId.WTI) ? Quality.STALE
                : Quality.MISSING;
        MarketIndicators indicators = new MarketIndicators(priceSigma, crackSigma, inventorySigma, marginShift,
                quality);
        List<BandSeries> stockCharts = new ArrayList<>();
        LineSeries crackChart = null;
        BandSeries dosChart = null;
        if (charts) {
            for (Map.Entry<SeriesId, WeeklyProfile> e : stocks.entrySet()) {
                ChartSeries.band(stockName(e.getKey()), "Mb", e.getValue(), weekMax,
                        1 / FundamentalFindings.KB_PER_MB, settings.chartWeeks()).ifPresent(stockCharts::add);
            }
            int c = crackAt >= 0 ? crackAt : crackSpot.observations().lastAtOrBefore(dayMax);
            if (c >= 0) {
                DailyProfile shown = crackAt >= 0 ? crack : crackSpot;
                crackChart = ChartSeries.line(crackAt >= 0 ? crackName : "3-2-1 crack (NYH spot)", shown.observations(), c,
                        settings.chartDays());
            }
            dosChart = ChartSeries.band("gasoline days of supply", "days", daysOfSupply, weekMax, 1, settings.chartWeeks())
                    .orElse(null);
        }
        return new MarketReport(date, asOf, findings, indicators, through, notes, stockCharts, crackChart, dosChart);
    }

    /**
     * What a report as of {@code asOf} is computed from: for each analysed series the index of its
     * latest published observation, negated (minus one) when it is stale. Two instants with the same
     * key give the same findings (only the notes' "days old" differ), so a replay can skip days on
     * which nothing new was published.
     */
    public List<Integer> publishedKey(Instant asOf) {
        long today = LocalDate.ofInstant(asOf.minusNanos(1), ZoneOffset.UTC).toEpochDay();
        long dayMax = PublicationCalendar.lastVisibleDay(asOf);
        long weekMax = PublicationCalendar.lastVisibleWeekEnd(asOf);
        List<Integer> key = new ArrayList<>(11);
        for (DailyProfile p : List.of(wti, brent, spread, crackSpot, crackFutures)) {
            int i = p.observations().lastAtOrBefore(dayMax);
            key.add(freshIndex(p.observations(), dayMax, today) >= 0 ? i : -i - 2);
        }
        for (WeeklyProfile p : List.of(stocks.get(SeriesId.CRUDE_STOCKS), stocks.get(SeriesId.GASOLINE_STOCKS),
                stocks.get(SeriesId.DISTILLATE_STOCKS), daysOfSupply, demand, utilisation)) {
            int j = p.lastAtOrBefore(weekMax);
            boolean fresh = j >= 0 && today - p.dates().day(j) <= settings.staleWeeklyDays();
            key.add(fresh ? j : -j - 2);
        }
        return key;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Index of the latest published observation if it is fresh; otherwise -1 and a note. */
    private int fresh(String name, Observations o, long dayMax, long today, List<String> notes) {
        int i = freshIndex(o, dayMax, today);
        if (i < 0) {
            int last = o.lastAtOrBefore(dayMax);
            staleNote(name, last < 0 ? null : o.date(last), today, notes);
        }
        return i;
    }

    /**
     * The 3-2-1 crack spread published by {@code asOf}: from spot prices, else from NYMEX front months,
     * STALE when both are older than the stale limit; empty when neither has a value yet.
     */
    public Optional<MarketQuote> crackSpread(Instant asOf) {
        long dayMax = PublicationCalendar.lastVisibleDay(asOf);
        long today = LocalDate.ofInstant(asOf.minusNanos(1), ZoneOffset.UTC).toEpochDay();
        for (DailyProfile p : List.of(crackSpot, crackFutures)) {
            int i = freshIndex(p.observations(), dayMax, today);
            if (i >= 0) {
                return Optional.of(new MarketQuote(p.observations().value(i), p.observations().date(i), Quality.GOOD));
            }
        }
        Observations spot = crackSpot.observations();
        Observations futures = crackFutures.observations();
        int s = spot.lastAtOrBefore(dayMax);
        int f = futures.lastAtOrBefore(dayMax);
        if (s < 0 && f < 0) {
            return Optional.empty();
        }
        boolean useFutures = s < 0 || f >= 0 && futures.day(f) > spot.day(s);
        Observations o = useFutures ? futures : spot;
        int i = useFutures ? f : s;
        return Optional.of(new MarketQuote(o.value(i), o.date(i), Quality.STALE));
    }

    private int freshIndex(Observations o, long dayMax, long today) {
        int i = o.lastAtOrBefore(dayMax);
        return i >= 0 && today - o.day(i) <= settings.staleDailyDays() ? i : -1;
    }

    private int freshWeek(String name, WeeklyProfile p, long weekMax, long today, List<String> notes) {
        int j = p.lastAtOrBefore(weekMax);
        if (j >= 0 && today - p.dates().day(j) <= settings.staleWeeklyDays()) {
            return j;
        }
        staleNote(name, j < 0 ? null : p.date(j), today, notes);
        return -1;
    }

    private static LocalDate latest(DailyProfile a, DailyProfile b, long dayMax) {
        int i = a.observations().lastAtOrBefore(dayMax);
        int j = b.observations().lastAtOrBefore(dayMax);
        long da = i < 0 ? Long.MIN_VALUE : a.observations().day(i);
        long db = j < 0 ? Long.MIN_VALUE : b.observations().day(j);
        long d = Math.max(da, db);
        return d == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(d);
    }

    private static void staleNote(String name, LocalDate last, long today, List<String> notes) {
        notes.add(last == null ? name + ": no data published by this date"
                : name + ": stale, latest data " + last + " (" + ChronoUnit.DAYS.between(last,
                LocalDate.ofEpochDay(today)) + " days old); not analysed");
    }

    private static double larger(double current, Optional<Finding> f) {
        if (f.isEmpty() || !Double.isFinite(f.get().sigma())) {
            return current;
        }
        double s = f.get().sigma();
        return Math.abs(s) > Math.abs(current) ? s : current;
    }

    private static String stockName(SeriesId id) {
        return switch (id) {
            case CRUDE_STOCKS -> "crude stocks";
            case GASOLINE_STOCKS -> "gasoline stocks";
            case DISTILLATE_STOCKS -> "distillate stocks";
            default -> id.description();
        };
    }

}
