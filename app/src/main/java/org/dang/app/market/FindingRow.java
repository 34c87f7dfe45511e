package org.dang.app.market;

/**
 * One line of the findings table, ready to show.
 *
 * @param rank     1 for the most important
 * @param change   true when it crosses a market-trigger threshold
 * @param kind     what it is about, in words
 * @param headline the finding with its numbers
 * @param sigma    its size in standard deviations, formatted ("" when none applies)
 */
public record FindingRow(int rank, boolean change, String kind, String headline, String sigma) {
}
