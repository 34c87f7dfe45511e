package org.dang.engine.module.market;

import java.time.LocalDate;

/**
 * One episode of the change detector in a backtest: the first day a change was reported, how long
 * it kept being reported, and its strongest reading.
 *
 * @param detected  first as-of date that reported it
 * @param lastSeen  last consecutive as-of date that still reported it
 * @param kind      what moved
 * @param subject   which series
 * @param since     start of the move or regime, as reported on the first day
 * @param peakSigma the largest |sigma| during the episode, signed (NaN for regime changes)
 * @param headline  the first day's headline
 */
public record Detection(LocalDate detected, LocalDate lastSeen, FindingKind kind, String subject, LocalDate since,
                        double peakSigma, String headline) {
}
