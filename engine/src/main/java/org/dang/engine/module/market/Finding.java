package org.dang.engine.module.market;

import java.time.LocalDate;

/**
 * One result of the market analysis, with its numbers.
 *
 * @param kind       what it is about
 * @param subject    the series or quantity, e.g. "WTI" or "crude stocks"
 * @param headline   one line an operator reads, numbers and units included
 * @param value      the current value of the quantity, in {@code unit}
 * @param unit       unit of {@code value}
 * @param sigma      the deviation or move in standard deviations (NaN where none applies)
 * @param since      start of the move, change or regime; null for a state without a start
 * @param through    date of the latest data behind the finding
 * @param change     true when it crosses a market-trigger threshold (rule 4) or a regime changed recently
 * @param importance ranking score (see docs/market.md); findings are listed by it, highest first
 */
public record Finding(FindingKind kind, String subject, String headline, double value, String unit, double sigma,
                      LocalDate since, LocalDate through, boolean change, double importance) {

    /** State findings (levels, trends) weigh half as much as news (moves, surprises) in the ranking. */
    public static final double STATE_WEIGHT = 0.5;
}
