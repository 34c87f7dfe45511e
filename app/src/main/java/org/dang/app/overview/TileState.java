package org.dang.app.overview;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.situation.Quality;

/**
 * What one tile shows right now, computed off the FX thread.
 *
 * @param value    newest value (NaN when none)
 * @param quality  its quality; anything but GOOD is drawn greyed with the quality named
 * @param alarm    highest active alarm priority on the tag, or null
 * @param min      gauge/scale minimum (the tag's physical range)
 * @param max      gauge/scale maximum
 * @param lo       low alarm limit or NaN
 * @param hi       high alarm limit or NaN
 */
public record TileState(TileSpec spec, String unit, double value, Quality quality, AlertPriority alarm, double min,
                        double max, double lo, double hi) {
}
