package org.dang.engine.monitor.quality;

import java.time.Instant;

import org.dang.engine.situation.Quality;

/**
 * A tag's quality changed.
 *
 * @param tag  the tag
 * @param from quality of its previous sample (GOOD before the first scan)
 * @param to   quality of this sample
 * @param time scan time of the sample that changed
 */
public record QualityChange(String tag, Quality from, Quality to, Instant time) {
}
