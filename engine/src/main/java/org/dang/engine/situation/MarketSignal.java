package org.dang.engine.situation;

import java.time.Instant;
import java.util.Optional;

/** Where a live situation gets its market part: the market indicators as of a (plant) time. */
@FunctionalInterface
public interface MarketSignal {

    /** No market data attached: situations carry no market part. */
    MarketSignal NONE = time -> Optional.empty();

    /** The indicators from data published by {@code time}; empty when no market data is attached. */
    Optional<MarketIndicators> at(Instant time);

    /** The 3-2-1 crack spread ($/bbl) published by {@code time}; empty when no market data is attached. */
    default Optional<MarketQuote> crackSpreadAt(Instant time) {
        return Optional.empty();
    }
}
