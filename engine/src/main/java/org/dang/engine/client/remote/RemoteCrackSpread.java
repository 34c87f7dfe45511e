package org.dang.engine.client.remote;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;
import org.dang.engine.situation.MarketQuote;

/**
 * The crack spread of a remote engine, {@code GET /market/crack_spread?at=}, asked once per plant day: market
 * figures are daily, and the overview asks on every refresh. An engine without the route (older than the
 * console) has no crack spread for it, rather than an overview that never refreshes.
 */
final class RemoteCrackSpread {

    private record Known(LocalDate day, Optional<MarketQuote> quote) {
    }

    private final EngineHttp http;
    private final AtomicReference<Known> known = new AtomicReference<>();
    private volatile boolean missing;

    RemoteCrackSpread(EngineHttp http) {
        this.http = http;
    }

    Optional<MarketQuote> at(Instant time) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        Known k = known.get();
        if (k != null && k.day().equals(day)) {
            return k.quote();
        }
        if (missing) {
            return Optional.empty();
        }
        JsonNode answer;
        try {
            answer = http.get("/market/crack_spread?at=" + time);
        } catch (RemoteEngineException e) {
            if (e.status() == 404) {
                missing = true;
                return Optional.empty();
            }
            throw e;
        }
        JsonNode q = answer.path("crack_spread");
        Optional<MarketQuote> quote;
        try {
            quote = q.isObject() ? Optional.of(Json.mapper().treeToValue(q, MarketQuote.class)) : Optional.empty();
        } catch (Exception e) {
            throw new RemoteEngineException(200, "bad_quote", "the crack spread from " + http.engine()
                    + " could not be read: " + e.getMessage(), e);
        }
        known.set(new Known(day, quote));
        return quote;
    }
}
