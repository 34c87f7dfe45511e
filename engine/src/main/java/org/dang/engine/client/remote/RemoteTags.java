package org.dang.engine.client.remote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.client.Subscription;
import org.dang.engine.client.TagReadings;
import org.dang.engine.json.Json;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.Quality;
import org.dang.engine.watch.AnomalyStatus;

/**
 * Tags of a remote engine: definitions and newest readings from {@code GET /tags} (kept current by the
 * throttled {@code tags} events, so tiles need no request each), history from {@code /tags/{tag}/history}.
 */
final class RemoteTags implements TagReadings {

    /** Points asked for per trend pen: more than a trend's width in pixels. */
    static final int TREND_POINTS = 4000;

    private final EngineHttp http;
    private final EventStream events;
    private final List<TagDefinition> definitions = new CopyOnWriteArrayList<>();
    private final Map<String, TagSample> latest = new ConcurrentHashMap<>();
    private volatile AnomalyStatus anomaly;
    private final RemoteCrackSpread crackSpread;

    RemoteTags(EngineHttp http, EventStream events) {
        this.http = http;
        this.events = events;
        this.crackSpread = new RemoteCrackSpread(http);
        events.on("tags", e -> {
            if (e.isNull()) {
                reload(); // reconnected: whatever was missed is in /tags
            } else {
                readings(e.path("readings"));
                anomaly(e.path("anomaly"));
            }
        });
    }

    /** Reads definitions and readings from {@code GET /tags}; a unit without plant data has none. */
    void reload() {
        JsonNode body;
        try {
            body = http.get("/tags");
        } catch (RemoteEngineException e) {
            if (e.status() == 409) {
                definitions.clear();
                return;
            }
            throw e;
        }
        List<TagDefinition> defs = new ArrayList<>();
        try {
            for (JsonNode t : body.path("tags")) {
                defs.add(Json.mapper().treeToValue(t.path("definition"), TagDefinition.class));
                if (t.path("latest").isObject()) {
                    TagSample s = Json.mapper().treeToValue(t.path("latest"), TagSample.class);
                    latest.put(s.tag(), s);
                }
            }
        } catch (Exception e) {
            throw new RemoteEngineException(200, "bad_tags", "the tag list from " + http.engine()
                    + " could not be read: " + e.getMessage(), e);
        }
        anomaly(body.path("anomaly"));
        if (!defs.equals(definitions)) {
            definitions.clear();
            definitions.addAll(defs);
        }
    }

    private void readings(JsonNode readings) {
        for (JsonNode r : readings) {
            try {
                TagSample s = Json.mapper().treeToValue(r, TagSample.class);
                latest.merge(s.tag(), s, (old, now) -> now.time().isBefore(old.time()) ? old : now);
            } catch (Exception e) {
                System.getLogger(RemoteTags.class.getName()).log(System.Logger.Level.WARNING,
                        "a reading from " + http.engine() + " was skipped: " + e.getMessage());
            }
        }
    }

    private void anomaly(JsonNode json) {
        if (!json.isObject()) {
            anomaly = null;
            return;
        }
        try {
            anomaly = Json.mapper().treeToValue(json, AnomalyStatus.class);
        } catch (Exception e) {
            System.getLogger(RemoteTags.class.getName()).log(System.Logger.Level.WARNING,
                    "the anomaly status from " + http.engine() + " was skipped: " + e.getMessage());
        }
    }

    @Override
    public Optional<AnomalyStatus> anomalies() {
        return Optional.ofNullable(anomaly);
    }

    @Override
    public Optional<MarketQuote> crackSpreadAt(Instant time) {
        return crackSpread.at(time);
    }

    @Override
    public List<TagDefinition> definitions() {
        return List.copyOf(definitions);
    }

    @Override
    public Optional<TagSample> latest(String tag) {
        return Optional.ofNullable(latest.get(tag));
    }

    @Override
    public TagSeries series(String tag, Instant from, Instant to) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.add("max_points=" + TREND_POINTS);
        if (from != null) {
            q.add("from=" + from);
        }
        if (to != null) {
            q.add("to=" + to);
        }
        JsonNode body = http.get("/tags/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/history" + q);
        JsonNode times = body.path("times");
        int n = times.size();
        long[] t = new long[n];
        double[] v = new double[n];
        Quality[] qual = new Quality[n];
        for (int i = 0; i < n; i++) {
            t[i] = times.get(i).asLong();
            JsonNode value = body.path("values").path(i);
            v[i] = value.isNumber() ? value.asDouble() : Double.NaN;
            qual[i] = Quality.valueOf(body.path("qualities").path(i).asText("MISSING"));
        }
        return new TagSeries(tag, t, v, qual);
    }

    @Override
    public Subscription watch(Runnable changed) {
        return events.on("tags", e -> changed.run());
    }
}
