package org.dang.engine.module.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.module.market.analysis.CrackSpread;
import org.dang.engine.module.market.analysis.DailyProfile;
import org.dang.engine.module.market.analysis.PublicationCalendar;
import org.dang.engine.module.market.analysis.SeasonalBands;
import org.dang.engine.module.market.analysis.VolatilityRegime;
import org.dang.engine.module.market.analysis.WeeklyProfile;
import org.dang.engine.module.market.change.SigmaMove;
import org.dang.engine.module.market.change.VolatilitySegmentation;
import org.dang.engine.module.market.loading.Cadence;
import org.dang.engine.module.market.loading.MarketData;
import org.dang.engine.module.market.loading.MarketSeries;
import org.dang.engine.module.market.loading.Observations;
import org.dang.engine.module.market.loading.SeriesId;
import org.dang.engine.module.market.loading.SeriesNotes;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.Quality;

/**
 * The oil market analysis over the loaded EIA data. Everything that depends on history (seasonal
 * norms, changes, surprises, returns) is computed once here, each entry from earlier data only;
 * {@link #report(Instant)} then reads the state at the last observations published by the given
 * time (see {@link PublicationCalendar}). Thread-safe: immutable after construction
 * but for a memo of the latest volatility segmentation, which is itself immutable.
 */
public final class MarketAnalysis {

    /** Kilobarrels per million barrels, for headlines. */
    private static final double KB_PER_MB = 1000.0;
    /** State findings (levels, trends) weigh half as much as news (moves, surprises) in the ranking. */
    private static final double STATE_WEIGHT = 0.5;

    private final MarketData data;
    private final MarketSettings settings;
    private final DailyProfile wti;
    private final DailyProfile brent;
    private final DailyProfile spread;
    private final DailyProfile crackSpot;
    private final DailyProfile crackFutures;
    private final VolatilitySegmentation segmentation;
    private final Map<SeriesId, WeeklyProfile> stocks = new EnumMap<>(SeriesId.class);
    private final WeeklyProfile daysOfSupply;
    private final WeeklyProfile demand;
    private final WeeklyProfile utilisation;
    /** What the loader repaired, per series, worded once. */
    private final Map<SeriesId, String> dataNotes = new EnumMap<>(SeriesId.class);
    /** The change points of the latest WTI index asked for: days without a new price reuse them. */
    private volatile Segmented lastSegmented = new Segmented(-1, List.of());

    /** Change points found for the regime window ending at WTI observation {@code index}. */
    private record Segmented(int index, List<Integer> points) {
    }

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
        segmentation = new VolatilitySegmentation(wti.squaredReturns(), settings.regimeMinSegment(),
                settings.regimePenalty(), 6);
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
        Optional<Finding> wtiMove = move(FindingKind.PRICE_MOVE, "WTI", "$/bbl", wti, wtiAt);
        wtiMove.ifPresent(findings::add);
        priceSigma = larger(priceSigma, wtiMove);
        Optional<Finding> brentMove = move(FindingKind.PRICE_MOVE, "Brent", "$/bbl", brent,
                fresh("Brent", brent.observations(), dayMax, today, notes));
        brentMove.ifPresent(findings::add);
        priceSigma = larger(priceSigma, brentMove);
        move(FindingKind.SPREAD_MOVE, "WTI-Brent spread", "$/bbl", spread,
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
            Optional<Finding> crackMove = move(FindingKind.CRACK_MOVE, crackName, "$/bbl", crack, crackAt);
            crackMove.ifPresent(findings::add);
            crackSigma = larger(0, crackMove);
            Optional<Finding> margin = marginShift(crackName, crack.observations(), crackAt);
            margin.ifPresent(findings::add);
            marginShift = margin.map(Finding::value).orElse(0.0);
        }
        if (wtiAt >= 0) {
            regime(wtiAt).ifPresent(findings::add);
        }

        double inventorySigma = 0;
        for (Map.Entry<SeriesId, WeeklyProfile> e : stocks.entrySet()) {
            String name = stockName(e.getKey());
            WeeklyProfile p = e.getValue();
            int j = freshWeek(name, p, weekMax, today, notes);
            if (j < 0) {
                continue;
            }
            Optional<Finding> surprise = surprise(name, p, j);
            surprise.ifPresent(findings::add);
            inventorySigma = larger(inventorySigma, surprise);
            level(name, p, j).ifPresent(findings::add);
        }
        int d = freshWeek("gasoline days of supply", daysOfSupply, weekMax, today, notes);
        if (d >= 0) {
            daysOfSupply(d).ifPresent(findings::add);
        }
        int m = freshWeek("gasoline product supplied", demand, weekMax, today, notes);
        if (m >= 0) {
            demand(m).ifPresent(findings::add);
        }
        int u = freshWeek("refinery utilisation", utilisation, weekMax, today, notes);
        if (u >= 0) {
            utilisation(u).ifPresent(findings::add);
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
                band(stockName(e.getKey()), "Mb", e.getValue(), weekMax, 1 / KB_PER_MB).ifPresent(stockCharts::add);
            }
            int c = crackAt >= 0 ? crackAt : crackSpot.observations().lastAtOrBefore(dayMax);
            if (c >= 0) {
                DailyProfile shown = crackAt >= 0 ? crack : crackSpot;
                crackChart = line(crackAt >= 0 ? crackName : "3-2-1 crack (NYH spot)", shown.observations(), c);
            }
            dosChart = band("gasoline days of supply", "days", daysOfSupply, weekMax, 1).orElse(null);
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

    // ---- prices -------------------------------------------------------------------------------------------------

    private Optional<Finding> move(FindingKind kind, String subject, String unit, DailyProfile p, int i) {
        if (i < 0) {
            return Optional.empty();
        }
        return SigmaMove.at(p, i, settings.moveWindow(), settings.moveLookback()).map(mv -> {
            boolean change = Math.abs(mv.sigma()) > settings.marketSigma();
            String headline = subject + (mv.change() >= 0 ? " up $" : " down $") + Figures.fixed(Math.abs(mv.change()), 2)
                    + "/bbl (" + Figures.signed(mv.percent(), 1) + "%) to " + Figures.dollars(mv.to()) + " over "
                    + settings.moveWindow() + " trading days since " + mv.since() + ": "
                    + Figures.signed(mv.sigma(), 1) + " sigma";
            return new Finding(kind, subject, headline, mv.to(), unit, mv.sigma(), mv.since(), mv.through(), change,
                    Math.abs(mv.sigma()));
        });
    }

    private Optional<Finding> marginShift(String subject, Observations o, int i) {
        int recentFrom = i - settings.marginDays() + 1;
        int baseFrom = recentFrom - settings.marginBaseDays();
        if (baseFrom < 0) {
            return Optional.empty();
        }
        double recent = mean(o, recentFrom, i + 1);
        double base = mean(o, baseFrom, recentFrom);
        // A margin near zero makes percentages meaningless; $1/bbl is the smallest base.
        double pct = 100 * (recent - base) / Math.max(Math.abs(base), 1.0);
        boolean change = Math.abs(pct) > settings.marginShiftPct();
        String headline = "Refining margin (" + subject + ") " + settings.marginDays() + "-day average "
                + Figures.dollars(recent) + "/bbl vs " + Figures.dollars(base) + " over the "
                + settings.marginBaseDays() + " days before: " + Figures.signed(pct, 1) + "%";
        double importance = Math.abs(pct) / settings.marginShiftPct() * settings.marketSigma() * STATE_WEIGHT;
        return Optional.of(new Finding(FindingKind.MARGIN_SHIFT, subject, headline, pct, "%", Double.NaN,
                o.date(recentFrom), o.date(i), change, importance));
    }

    private Optional<Finding> regime(int i) {
        int from = Math.max(1, i + 1 - settings.regimeWindow());
        if (i + 1 - from < 4 * settings.regimeMinSegment()) {
            return Optional.empty();
        }
        Segmented memo = lastSegmented;
        List<Integer> points;
        if (memo.index() == i) {
            points = memo.points();
        } else {
            points = List.copyOf(segmentation.changePoints(from, i + 1));
            lastSegmented = new Segmented(i, points);
        }
        int start = points.isEmpty() ? from : points.getLast();
        int before = points.size() >= 2 ? points.get(points.size() - 2) : from;
        double after = wti.annualisedVolatility(start, i + 1);
        Observations o = wti.observations();
        VolatilityRegime level = VolatilityRegime.of(after);
        if (points.isEmpty()) {
            String headline = "WTI volatility " + level + ": " + Figures.fixed(100 * after, 0)
                    + "% a year, no regime change in the last " + (i + 1 - from) + " trading days";
            return Optional.of(new Finding(FindingKind.VOLATILITY_REGIME, "WTI volatility", headline, 100 * after,
                    "% a year", Double.NaN, o.date(from), o.date(i), false, STATE_WEIGHT));
        }
        double prior = wti.annualisedVolatility(before, start);
        double ratio = after / prior;
        int age = i - start;
        boolean recent = age < settings.regimeRecentDays();
        boolean big = ratio >= settings.regimeRatio() || ratio <= 1 / settings.regimeRatio();
        boolean change = recent && big;
        String headline = "WTI volatility " + level + " since " + o.date(start) + ": " + Figures.fixed(100 * after, 0)
                + "% a year, was " + Figures.fixed(100 * prior, 0) + "% (x" + Figures.fixed(ratio, 2) + ")";
        double weight = Math.abs(Math.log(ratio)) / Math.log(settings.regimeRatio()) * settings.marketSigma();
        return Optional.of(new Finding(FindingKind.VOLATILITY_REGIME, "WTI volatility", headline, 100 * after,
                "% a year", Double.NaN, o.date(start), o.date(i), change, change ? weight : STATE_WEIGHT));
    }

    // ---- weekly fundamentals ------------------------------------------------------------------------------------

    private Optional<Finding> surprise(String name, WeeklyProfile p, int j) {
        double z = p.surpriseSigma(j);
        if (!Double.isFinite(z)) {
            return Optional.empty();
        }
        boolean change = Math.abs(z) > settings.inventorySigma();
        String headline = capital(name) + " " + Figures.signed(p.change(j) / KB_PER_MB, 1) + " Mb in the week to "
                + p.date(j) + " against a seasonal " + Figures.signed(p.normalChange(j) / KB_PER_MB, 1)
                + " Mb: surprise " + Figures.signed(p.surprise(j) / KB_PER_MB, 1) + " Mb, " + Figures.signed(z, 1)
                + " sigma";
        return Optional.of(new Finding(FindingKind.INVENTORY_SURPRISE, name, headline, p.surprise(j) / KB_PER_MB, "Mb",
                z, p.date(j).minusDays(7), p.date(j), change, Math.abs(z)));
    }

    private Optional<Finding> level(String name, WeeklyProfile p, int j) {
        SeasonalBands b = p.bands();
        if (!Double.isFinite(b.mean()[j])) {
            return Optional.empty();
        }
        double v = p.value(j);
        double surplus = v - b.mean()[j];
        double z = b.sigma(j, v);
        String band = v > b.max()[j] ? "above the 5-year range" : v < b.min()[j] ? "below the 5-year range"
                : "within the 5-year range";
        String headline = capital(name) + " " + Figures.fixed(v / KB_PER_MB, 1) + " Mb: "
                + (surplus >= 0 ? "surplus" : "deficit") + " of " + Figures.fixed(Math.abs(surplus) / KB_PER_MB, 1)
                + " Mb (" + Figures.signed(100 * surplus / b.mean()[j], 1) + "%) against the 5-year average, " + band
                + " (" + Figures.fixed(b.min()[j] / KB_PER_MB, 1) + " to " + Figures.fixed(b.max()[j] / KB_PER_MB, 1)
                + " Mb), " + Figures.signed(z, 1) + " sigma";
        return Optional.of(new Finding(FindingKind.INVENTORY_LEVEL, name, headline, surplus / KB_PER_MB, "Mb", z, null,
                p.date(j), false, Double.isFinite(z) ? Math.abs(z) * STATE_WEIGHT : 0));
    }

    private Optional<Finding> daysOfSupply(int j) {
        double v = daysOfSupply.value(j);
        SeasonalBands b = daysOfSupply.bands();
        if (!Double.isFinite(v)) {
            return Optional.empty();
        }
        double z = b.sigma(j, v);
        String headline = "Gasoline days of supply " + Figures.fixed(v, 1) + " days (stocks over 4-week average"
                + " product supplied), 5-year norm " + Figures.fixed(b.mean()[j], 1) + " days, " + Figures.signed(z, 1)
                + " sigma";
        return Optional.of(new Finding(FindingKind.DAYS_OF_SUPPLY, "gasoline days of supply", headline, v, "days", z,
                null, daysOfSupply.date(j), false, Double.isFinite(z) ? Math.abs(z) * STATE_WEIGHT : 0));
    }

    private Optional<Finding> demand(int j) {
        double v = demand.value(j);
        int y = demand.yearBefore(j);
        if (!Double.isFinite(v) || y < 0 || !Double.isFinite(demand.value(y))) {
            return Optional.empty();
        }
        double yoy = 100 * (v / demand.value(y) - 1);
        double z = demand.bands().sigma(j, v);
        String headline = "Gasoline demand (product supplied, 4-week average) " + Figures.fixed(v / KB_PER_MB, 2)
                + " Mb/d, " + Figures.signed(yoy, 1) + "% year on year, " + Figures.signed(z, 1)
                + " sigma against the 5-year norm";
        return Optional.of(new Finding(FindingKind.DEMAND_TREND, "gasoline demand", headline, yoy, "% y/y", z,
                demand.date(y), demand.date(j), false, Double.isFinite(z) ? Math.abs(z) * STATE_WEIGHT : 0));
    }

    private Optional<Finding> utilisation(int j) {
        double v = utilisation.value(j);
        int y = utilisation.yearBefore(j);
        if (!Double.isFinite(v) || y < 0 || !Double.isFinite(utilisation.value(y))) {
            return Optional.empty();
        }
        double delta = v - utilisation.value(y);
        double z = utilisation.bands().sigma(j, v);
        String headline = "Refinery utilisation (4-week average) " + Figures.fixed(v, 1) + "%, "
                + Figures.signed(delta, 1) + " points year on year, " + Figures.signed(z, 1)
                + " sigma against the 5-year norm";
        return Optional.of(new Finding(FindingKind.UTILISATION_TREND, "refinery utilisation", headline, v, "%", z,
                utilisation.date(y), utilisation.date(j), false, Double.isFinite(z) ? Math.abs(z) * STATE_WEIGHT : 0));
    }

    // ---- charts ---------------------------------------------------------------------------------------------------

    private Optional<BandSeries> band(String name, String unit, WeeklyProfile p, long weekMax, double scale) {
        int j = p.lastAtOrBefore(weekMax);
        if (j < 0) {
            return Optional.empty();
        }
        int from = Math.max(0, j + 1 - settings.chartWeeks());
        int n = j + 1 - from;
        long[] days = new long[n];
        double[] actual = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        SeasonalBands b = p.bands();
        for (int k = 0; k < n; k++) {
            int i = from + k;
            days[k] = p.dates().day(i);
            actual[k] = p.value(i) * scale;
            mean[k] = b.mean()[i] * scale;
            min[k] = b.min()[i] * scale;
            max[k] = b.max()[i] * scale;
        }
        return Optional.of(new BandSeries(name, unit, days, actual, mean, min, max));
    }

    private LineSeries line(String name, Observations o, int i) {
        int from = Math.max(0, i + 1 - settings.chartDays());
        long[] days = new long[i + 1 - from];
        double[] values = new double[days.length];
        for (int k = 0; k < days.length; k++) {
            days[k] = o.day(from + k);
            values[k] = o.value(from + k);
        }
        return new LineSeries(name, "$/bbl", days, values);
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

    private static double mean(Observations o, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += o.value(i);
        }
        return s / (to - from);
    }

    private static String stockName(SeriesId id) {
        return switch (id) {
            case CRUDE_STOCKS -> "crude stocks";
            case GASOLINE_STOCKS -> "gasoline stocks";
            case DISTILLATE_STOCKS -> "distillate stocks";
            default -> id.description();
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
