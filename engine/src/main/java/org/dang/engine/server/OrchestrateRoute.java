package org.dang.engine.server;

import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Decided;
import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionExport;

/**
 * {@code POST /orchestrate}: a situation (the format of docs/decision-contract.md) in, its recorded
 * decisions out. Submitting a situation can start module runs, so it takes the role that may request
 * them; a refusal is audited. Accepted situations are not audited one by one: each is stored with its
 * decisions in the hash-chained decision log.
 */
final class OrchestrateRoute implements Route.Handler {

    private final Engine engine;
    private final InstantSource clock;

    OrchestrateRoute(Engine engine, InstantSource clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void handle(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        Action needed = Action.REQUEST_MODULE_RUN;
        if (!needed.allowedFor(user.role())) {
            String reason = needed.denialReason(user.role());
            engine.store().audit(new AuditEvent(clock.instant(), user.name(), user.role().name().toLowerCase(Locale.ROOT),
                    "orchestrate", "situation", user.origin(), "DENIED", reason));
            throw new ApiException(403, "forbidden", null, reason);
        }
        Situation situation = JsonBody.read(call.body(), Situation.class);
        Decided decided = engine.decideWithAdvice(situation.withoutExpected());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("situation_id", situation.id());
        body.put("decisions", decided.recorded().stream().map(DecisionExport::fields).toList());
        body.put("pending_advice", decided.pending().map(AdvisorRoute::fields).orElse(null));
        call.json(200, body);
    }
}
