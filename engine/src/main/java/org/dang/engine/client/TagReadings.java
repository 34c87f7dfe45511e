package org.dang.engine.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.watch.AnomalyStatus;

/** Live tag readings and their recent history, with each tag's definition (unit, range, alarm limits). */
public interface TagReadings {

    /** The unit's tags, in the source's order; empty when no plant data is attached. */
    List<TagDefinition> definitions();

    /** The newest reading of {@code tag} with its quality. */
    Optional<TagSample> latest(String tag);

    /**
     * The history of {@code tag} between {@code from} (inclusive) and {@code to} (exclusive), either null
     * for open; a remote engine may reduce it to the points a trend can draw.
     */
    TagSeries series(String tag, Instant from, Instant to);

    /** What the multivariate monitor says about the readings now; empty without plant data. */
    Optional<AnomalyStatus> anomalies();

    /**
     * The newest 3-2-1 crack spread the market data had published by {@code time} (the plant time), for the
     * overview tile beside the tags; empty without market data.
     */
    Optional<MarketQuote> crackSpreadAt(Instant time);

    /** Calls {@code changed} (on any thread) when new readings arrive. */
    Subscription watch(Runnable changed);
}
