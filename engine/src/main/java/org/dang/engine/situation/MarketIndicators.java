package org.dang.engine.situation;

import java.util.Objects;

/**
 * Market indicators from the analysis side (rule 4). Moves are in standard deviations of their
 * recent history; the margin shift is in percent of the current margin.
 */
public record MarketIndicators(double priceMoveSigma, double crackSpreadMoveSigma, double inventorySurpriseSigma,
                               double marginShiftPct, Quality dataQuality) {
    public MarketIndicators {
        dataQuality = Objects.requireNonNullElse(dataQuality, Quality.GOOD);
    }
}
