package org.dang.engine.module.market.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When EIA data becomes public, so that an analysis "as of" a time sees only what was published by
 * then. Weekly Petroleum Status Report data for the week ending Friday F is released on Wednesday
 * F+5 at 10:30 Eastern; this calendar takes 15:30 UTC (10:30 EST; during daylight time the release
 * is at 14:30 UTC, so it is seen an hour late, never early). Holiday weeks, when the release slips
 * to Thursday, are not modelled: in those weeks the data is seen one day early. Daily spot prices
 * for trading day T are taken as known from the end of T (00:00 UTC of T+1).
 */
public final class PublicationCalendar {

    /** Days from the Friday that ends the reference week to the Wednesday release. */
    public static final int WEEKLY_LAG_DAYS = 5;
    /** Release time of the weekly report, in seconds after midnight UTC (15:30). */
    private static final long WEEKLY_RELEASE_SECOND = Duration.ofHours(15).plusMinutes(30).toSeconds();

    private PublicationCalendar() {
    }

    /** The end of {@code date} (00:00 UTC of the next day): what {@code --as-of DATE} means. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The latest week-ending day (epoch day) whose weekly data is public at {@code asOf}. */
    public static long lastVisibleWeekEnd(Instant asOf) {
        long releaseDay = Math.floorDiv(asOf.getEpochSecond() - WEEKLY_RELEASE_SECOND, 86_400L);
        return releaseDay - WEEKLY_LAG_DAYS;
    }

    /** The latest trading day (epoch day) whose daily prices are known at {@code asOf}. */
    public static long lastVisibleDay(Instant asOf) {
        return Math.floorDiv(asOf.getEpochSecond(), 86_400L) - 1;
    }

    /** When the weekly data of the week ending {@code weekEnd} was released. */
    public static Instant weeklyRelease(LocalDate weekEnd) {
        return weekEnd.plusDays(WEEKLY_LAG_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(WEEKLY_RELEASE_SECOND);
    }
}
