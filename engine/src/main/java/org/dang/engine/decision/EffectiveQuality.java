package org.dang.engine.decision;

import java.util.List;

import org.dang.engine.situation.Quality;
import org.dang.engine.situation.TagSnapshot;

/**
 * Rule 1's view of a tag: the reported quality, overridden by what the value itself shows
 * (missing, outside its physical range, flat-lined history). A reported GOOD is not trusted blindly.
 */
final class EffectiveQuality {

    private final int flatlineSamples;

    EffectiveQuality(int flatlineSamples) {
        this.flatlineSamples = flatlineSamples;
    }

    Quality of(TagSnapshot tag) {
        if (tag.quality() != Quality.GOOD) {
            return tag.quality();
        }
        Double v = tag.value();
        if (v == null || !Double.isFinite(v)) {
            return Quality.MISSING;
        }
        if (tag.range() != null && !tag.range().contains(v)) {
            return Quality.OUT_OF_RANGE;
        }
        if (flatLined(tag.history())) {
            return Quality.FLATLINE;
        }
        return Quality.GOOD;
    }

    private boolean flatLined(List<Double> history) {
        int n = history.size();
        if (n < flatlineSamples) {
            return false;
        }
        Double last = history.get(n - 1);
        for (int i = n - flatlineSamples; i < n; i++) {
            if (!last.equals(history.get(i))) {
                return false;
            }
        }
        return true;
    }
}
