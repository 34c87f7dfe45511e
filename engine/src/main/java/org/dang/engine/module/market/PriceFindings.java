package org.dang.engine.module.market;

import java.util.List;
import java.util.Optional;

import org.dang.engine.module.market.analysis.DailyProfile;
import org.dang.engine.module.market.analysis.VolatilityRegime;
import org.dang.engine.module.market.change.SigmaMove;
import org.dang.engine.module.market.change.VolatilitySegmentation;
import org.dang.engine.module.market.loading.Observations;

/**
 * Findings about prices: sigma moves of prices and spreads, the margin shift of the crack spread,
 * and the volatility regime of WTI from its change points. Holds a memo of the latest
 * segmentation (an immutable record swapped whole), so it is safe to share between threads.
 */
final class PriceFindings {

    /** Change points searched for in one regime window. */
    private static final int MAX_CHANGE_POINTS = 6;

    private final MarketSettings settings;
    private final DailyProfile wti;
    private final VolatilitySegmentation segmentation;
    /** The change points of the latest WTI index asked for: days without a new price reuse them. */
    private volatile Segmented lastSegmented = new Segmented(-1, List.of());

    /** Change points found for the regime window ending at WTI observation {@code index}. */
    private record Segmented(int index, List<Integer> points) {
    }

    PriceFindings(MarketSettings settings, DailyProfile wti) {
        this.settings = settings;
        this.wti = wti;
        this.segmentation = new VolatilitySegmentation(wti.squaredReturns(), settings.regimeMinSegment(),
                settings.regimePenalty(), MAX_CHANGE_POINTS);
    }

    /** The move of {@code p} ending at observation {@code i}; a change beyond market_sigma. */
    Optional<Finding> move(FindingKind kind, String subject, String unit, DailyProfile p, int i) {
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

    /** The crack's recent average against the weeks before it; a change beyond margin_shift_pct. */
    Optional<Finding> marginShift(String subject, Observations o, int i) {
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
        double importance = Math.abs(pct) / settings.marginShiftPct() * settings.marketSigma() * Finding.STATE_WEIGHT;
        return Optional.of(new Finding(FindingKind.MARGIN_SHIFT, subject, headline, pct, "%", Double.NaN,
                o.date(recentFrom), o.date(i), change, importance));
    }

    /** WTI's current volatility regime from the change points of the window ending at {@code i}. */
    Optional<Finding> regime(int i) {
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
                    "% a year", Double.NaN, o.date(from), o.date(i), false, Finding.STATE_WEIGHT));
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
                "% a year", Double.NaN, o.date(start), o.date(i), change, change ? weight : Finding.STATE_WEIGHT));
    }

    static double mean(Observations o, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += o.value(i);
        }
        return s / (to - from);
    }
}
