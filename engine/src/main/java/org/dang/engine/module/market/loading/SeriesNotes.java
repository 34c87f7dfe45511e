package org.dang.engine.module.market.loading;

/**
 * What the reader had to resolve in one series: dates given twice (with the same or with different
 * values), blank cells and gaps longer than the cadence.
 *
 * @param duplicateDates     dates given more than once with the same value (one kept)
 * @param conflictingDates   dates given more than once with different values (the last row in the file kept)
 * @param blanks             rows with no value for this series (no observation)
 * @param gaps               missing weeks (weekly series: a step longer than 7 days; each missing week counted)
 */
public record SeriesNotes(int duplicateDates, int conflictingDates, int blanks, int gaps) {

    /** Nothing to note. */
    public static SeriesNotes clean() {
        return new SeriesNotes(0, 0, 0, 0);
    }

    /** True when nothing had to be resolved. */
    public boolean isClean() {
        return duplicateDates == 0 && conflictingDates == 0 && gaps == 0;
    }
}
