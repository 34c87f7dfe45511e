package org.dang.engine.module.market;

import org.dang.engine.config.RuleThresholds;

/**
 * Windows and thresholds of the market analysis. The trigger thresholds are the decision contract's
 * ({@code decision_engine.rules}: market_sigma, inventory_sigma, margin_shift_pct), so a finding
 * marked as a change is exactly what makes rule 4 fire.
 *
 * @param moveWindow        trading days a price or spread move is measured over
 * @param moveLookback      trading days of single-day changes before the window that scale the move
 * @param marginDays        days of the recent crack average in the margin shift
 * @param marginBaseDays    days of the earlier crack average it is compared with
 * @param regimeWindow      trading days of returns searched for volatility change points
 * @param regimeMinSegment  fewest returns in a volatility regime
 * @param regimePenalty     penalty per ln(n) of one change point
 * @param regimeRecentDays  a change point this many trading days old or younger is news
 * @param regimeRatio       volatility ratio (after / before, or its inverse) that counts as a regime change
 * @param staleDailyDays    a daily series whose latest value is older than this many days is stale
 * @param staleWeeklyDays   a weekly series whose latest published week ended longer ago than this is stale
 * @param chartWeeks        weeks of the weekly charts
 * @param chartDays         trading days of the crack spread chart
 * @param marketSigma       rule 4: price or crack move threshold, standard deviations
 * @param inventorySigma    rule 4: inventory surprise threshold, standard deviations
 * @param marginShiftPct    rule 4: margin shift threshold, percent
 */
public record MarketSettings(int moveWindow, int moveLookback, int marginDays, int marginBaseDays, int regimeWindow,
                             int regimeMinSegment, double regimePenalty, int regimeRecentDays, double regimeRatio,
                             int staleDailyDays, int staleWeeklyDays, int chartWeeks, int chartDays,
                             double marketSigma, double inventorySigma, double marginShiftPct) {

    /** Defaults with the decision contract's thresholds from {@code rules}. */
    public static MarketSettings of(RuleThresholds rules) {
        return new MarketSettings(5, 250, 5, 20, 750, 10, 6.0, 20, 1.5, 10, 19, 156, 750,
                rules.marketSigma(), rules.inventorySigma(), rules.marginShiftPct());
    }

    /** Defaults with the default thresholds. */
    public static MarketSettings defaults() {
        return of(RuleThresholds.defaults());
    }
}
