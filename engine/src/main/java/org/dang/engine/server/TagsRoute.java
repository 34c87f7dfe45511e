package org.dang.engine.server;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagSeries;

/**
 * The unit's tags for a remote console: {@code GET /tags} gives each tag's definition (unit, physical
 * range, alarm limits) with its newest reading and quality; {@code GET /tags/{tag}/history} one tag's
 * recent history from the tag store, reduced to at most {@code max_points} points.
 */
final class TagsRoute {

    /** Points of a history answer when the client does not say. */
    static final int DEFAULT_POINTS = 2000;
    /** The most points one history answer carries. */
    static final int MAX_POINTS = 20_000;

    private final Engine engine;

    TagsRoute(Engine engine) {
        this.engine = engine;
    }

    /** {@code GET /tags}. */
    void list(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        PlantDataSource source = source();
        List<Map<String, Object>> tags = new ArrayList<>();
        Instant newest = null;
        for (TagDefinition d : source.tags()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("definition", d);
            TagSample s = engine.plant().tags().latest(d.tag()).orElse(null);
            m.put("latest", s);
            if (s != null && (newest == null || s.time().isAfter(newest))) {
                newest = s.time();
            }
            tags.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source.name());
        body.put("plant_time", newest);
        body.put("tags", tags);
        body.put("anomaly", engine.anomalies().orElse(null));
        call.json(200, body);
    }

    /** {@code GET /tags/{tag}/history?from&to&max_points}. */
    void history(HttpCall call, User user) throws IOException {
        Map<String, String> p = call.query(Set.of("from", "to", "max_points"));
        PlantDataSource source = source();
        String tag = call.segments()[1];
        if (source.tags().stream().noneMatch(d -> d.tag().equals(tag))) {
            throw new ApiException(404, "unknown_tag", "tag", "no tag \"" + tag + "\" on this unit; GET /tags lists them");
        }
        Instant from = DecisionsRoute.time(p, "from");
        Instant to = DecisionsRoute.time(p, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("from", "from " + from + " must be before to " + to);
        }
        int maxPoints = DecisionsRoute.integer(p, "max_points", DEFAULT_POINTS, 2, MAX_POINTS);
        TagSeries all = engine.plant().tags().series(tag, from, to);
        TagSeries shown = TagHistory.reduce(all, maxPoints);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tag", tag);
        body.put("samples", all.size());
        body.put("reduced", shown.size() < all.size());
        body.put("times", shown.epochMillis());
        body.put("values", shown.values());
        body.put("qualities", shown.qualities());
        call.json(200, body);
    }

    private PlantDataSource source() {
        PlantDataSource s = engine.plant().source();
        if (s == null) {
            throw new ApiException(409, "no_plant_data", null,
                    "no plant data source is attached to this engine, so it has no tags (dang serve --source)");
        }
        return s;
    }
}
