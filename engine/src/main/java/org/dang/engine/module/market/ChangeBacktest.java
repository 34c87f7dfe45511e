package org.dang.engine.module.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.dang.engine.module.market.analysis.PublicationCalendar;

/**
 * Replays the change detector over history: the report as of the end of every calendar day from
 * {@code from} to {@code to}, each seeing only what was published by then, and the changes it
 * raised grouped into episodes (a change of the same kind and subject reported on consecutive days
 * is one episode). Days on which nothing new was published repeat the previous day's changes
 * (see {@link MarketAnalysis#publishedKey}).
 */
public final class ChangeBacktest {

    private ChangeBacktest() {
    }

    /** The detections between {@code from} and {@code to}, in order of detection. */
    public static List<Detection> run(MarketAnalysis analysis, LocalDate from, LocalDate to) {
        return run(analysis, from, to, () -> false);
    }

    /** As {@link #run(MarketAnalysis, LocalDate, LocalDate)}, stopping early when {@code cancelled} turns true. */
    public static List<Detection> run(MarketAnalysis analysis, LocalDate from, LocalDate to, BooleanSupplier cancelled) {
        List<Detection> out = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        List<Integer> lastKey = null;
        List<Finding> changes = List.of();
        for (LocalDate day = from; !day.isAfter(to) && !cancelled.getAsBoolean(); day = day.plusDays(1)) {
            // A day on which nothing new was published (weekends, holidays) reports what the day before did.
            List<Integer> published = analysis.publishedKey(PublicationCalendar.endOf(day));
            if (!published.equals(lastKey)) {
                changes = analysis.report(PublicationCalendar.endOf(day), false).changes();
                lastKey = published;
            }
            Map<String, Integer> still = new HashMap<>();
            for (Finding f : changes) {
                String key = f.kind() + "|" + f.subject();
                Integer at = open.get(key);
                if (at == null) {
                    out.add(new Detection(day, day, f.kind(), f.subject(), f.since(), f.sigma(), f.headline()));
                    still.put(key, out.size() - 1);
                } else {
                    Detection d = out.get(at);
                    double peak = Double.isNaN(d.peakSigma()) || Math.abs(f.sigma()) > Math.abs(d.peakSigma())
                            ? f.sigma() : d.peakSigma();
                    out.set(at, new Detection(d.detected(), day, d.kind(), d.subject(), d.since(), peak, d.headline()));
                    still.put(key, at);
                }
            }
            open = still;
        }
        return out;
    }
}
