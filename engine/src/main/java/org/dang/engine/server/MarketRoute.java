package org.dang.engine.server;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.User;

/**
 * {@code GET /market/crack_spread?at=}: the newest 3-2-1 crack spread the market data had published by a time
 * (the plant's, for the overview tile of a remote console), with its day and quality; null without market data.
 */
final class MarketRoute implements Route.Handler {

    private final Engine engine;

    MarketRoute(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void handle(HttpCall call, User user) throws IOException {
        Map<String, String> p = call.query(Set.of("at"));
        Instant at = DecisionsRoute.time(p, "at");
        if (at == null) {
            throw ApiException.invalid("at", "at is required: the time the crack spread is wanted for, e.g."
                    + " 2026-11-24T06:00:00Z (the plant time)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", at);
        body.put("crack_spread", engine.crackSpreadAt(at).orElse(null));
        call.json(200, body);
    }
}
