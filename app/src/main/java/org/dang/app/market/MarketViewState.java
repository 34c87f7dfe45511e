package org.dang.app.market;

import java.time.LocalDate;
import java.util.List;

import org.dang.engine.module.market.BandSeries;
import org.dang.engine.module.market.LineSeries;

/**
 * Everything the market view shows for one analysis, built off the FX thread.
 *
 * @param asOf         the analysis date
 * @param indicators   the decision contract's rule 4 inputs, in one line
 * @param rows         findings, ranked
 * @param notes        stale series and data repairs, one per line
 * @param stocks       stocks with their five-year bands (crude, gasoline, distillate where published)
 * @param crackSpread  the crack spread chart, or null
 * @param daysOfSupply days of supply with its band, or null
 */
public record MarketViewState(LocalDate asOf, String indicators, List<FindingRow> rows, String notes,
                              List<BandSeries> stocks, LineSeries crackSpread, BandSeries daysOfSupply) {

    public MarketViewState {
        rows = List.copyOf(rows);
        stocks = List.copyOf(stocks);
    }
}
