package org.dang.engine.situation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The newest value of a market figure that was published by some time, with the day it is for:
 * {@code GOOD} while recent, {@code STALE} once older than the analysis' stale limit.
 *
 * @param value   the figure, e.g. the 3-2-1 crack spread in $/bbl
 * @param day     the trading day the value is for
 * @param quality GOOD or STALE
 */
public record MarketQuote(double value, LocalDate day, Quality quality) {

    /** Rejects nulls. */
    public MarketQuote {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(quality, "quality");
    }
}
