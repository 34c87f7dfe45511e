package org.dang.engine.client.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.client.DecisionHistory;
import org.dang.engine.client.Subscription;
import org.dang.engine.json.Json;
import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.StoredDecision;

/** Decision history from {@code GET /decisions} and {@code GET /situations/{hash}}; new ones from {@code decision} events. */
final class RemoteDecisions implements DecisionHistory {

    private final EngineHttp http;
    private final EventStream events;

    RemoteDecisions(EngineHttp http, EventStream events) {
        this.http = http;
        this.events = events;
    }

    @Override
    public DecisionPage page(DecisionQuery q) {
        JsonNode body = http.get("/decisions?" + parameters(q));
        List<StoredDecision> items = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            items.add(DecisionJson.read(item));
        }
        return new DecisionPage(items, body.path("total").asLong(), body.path("offset").asInt(),
                body.path("limit").asInt(q.limit()));
    }

    @Override
    public List<StoredDecision> all(DecisionQuery q) {
        List<StoredDecision> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            DecisionPage page = page(q.page(offset, DecisionQuery.MAX_LIMIT));
            out.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                return out;
            }
            offset += page.items().size();
        }
    }

    @Override
    public Optional<String> situationJson(String situationHash) {
        if (situationHash == null || !situationHash.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.write(http.get("/situations/" + situationHash)));
        } catch (RemoteEngineException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<AdviceRecord> adviceFor(UUID decisionId) {
        try {
            return Optional.of(Json.mapper().treeToValue(http.get("/decisions/" + decisionId + "/advice"),
                    AdviceRecord.class));
        } catch (RemoteEngineException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw new RemoteEngineException(200, "bad_advice", "the advice for decision " + decisionId + " from "
                    + http.engine() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Subscription watch(Runnable changed) {
        return events.on("decision", e -> changed.run());
    }

    static String parameters(DecisionQuery q) {
        StringJoiner p = new StringJoiner("&");
        p.add("offset=" + q.offset()).add("limit=" + q.limit());
        q.from().ifPresent(t -> p.add("from=" + t));
        q.to().ifPresent(t -> p.add("to=" + t));
        q.module().ifPresent(m -> p.add("module=" + m.key()));
        q.source().ifPresent(s -> p.add("source=" + s.name()));
        q.action().ifPresent(a -> p.add("action=" + a.name()));
        q.outcome().ifPresent(o -> p.add("outcome=" + o.name().toLowerCase(Locale.ROOT)));
        q.text().ifPresent(t -> p.add("text=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
        return p.toString();
    }
}
