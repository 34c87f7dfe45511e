package org.dang.engine.module.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.market.loading.SeriesId;
import org.dang.engine.situation.MarketIndicators;

/**
 * The market analysis as of a time: findings ranked by importance, the indicators the decision
 * contract's rule 4 reads, the date each series is known through, notes on stale or repaired data,
 * and chart series (stocks with their five-year band, the crack spread, days of supply).
 *
 * @param asOf         the date of the analysis (UTC)
 * @param asOfInstant  the instant; only data published by then was used
 * @param findings     ranked, most important first
 * @param indicators   rule 4's inputs
 * @param dataThrough  per series, the date of the latest observation used (absent when none was published yet)
 * @param notes        stale series and what the loader repaired
 * @param stocks       crude, gasoline and distillate stocks with their bands (may be empty when none is published)
 * @param crackSpread  the 3-2-1 crack spread used (spot, or NYMEX front month where spot has ended); null when none
 * @param daysOfSupply gasoline days of supply with its band; null when none
 */
public record MarketReport(LocalDate asOf, Instant asOfInstant, List<Finding> findings, MarketIndicators indicators,
                           Map<SeriesId, LocalDate> dataThrough, List<String> notes, List<BandSeries> stocks,
                           LineSeries crackSpread, BandSeries daysOfSupply) implements ModuleResult {

    public MarketReport {
        findings = List.copyOf(findings);
        dataThrough = Map.copyOf(dataThrough);
        notes = List.copyOf(notes);
        stocks = List.copyOf(stocks);
    }

    /** Findings that cross a trigger threshold. */
    public List<Finding> changes() {
        return findings.stream().filter(Finding::change).toList();
    }

    @Override
    public String summary() {
        List<Finding> changes = changes();
        return "market as of " + asOf + ": " + findings.size() + " findings, " + changes.size() + " changes"
                + (findings.isEmpty() ? "" : "; top: " + findings.getFirst().headline());
    }
}
