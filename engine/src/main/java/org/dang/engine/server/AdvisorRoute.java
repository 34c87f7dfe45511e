package org.dang.engine.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.advisor.PendingAdvice;

/**
 * The decision advisor over HTTP: {@code GET /advisor/pending} lists the questions waiting for the
 * model; {@code POST /advisor/ask} is the operator's question about the live unit, role-checked and
 * audited ({@code ask_advisor}) by the engine as from the console. Neither waits for the model.
 */
final class AdvisorRoute {

    /** The body of {@code POST /advisor/ask}. */
    record AskRequest(String question) {
    }

    private final Engine engine;

    AdvisorRoute(Engine engine) {
        this.engine = engine;
    }

    /** {@code GET /advisor/pending}: the waiting questions, oldest first, with the reasoning so far. */
    void pending(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pending", engine.pendingAdvice().stream().map(AdvisorRoute::fields).toList());
        // The engine's own reason (no model, advisor off), so a remote console disables "ask" as an embedded one does.
        m.put("unavailable", engine.advisorUnavailable().orElse(null));
        call.json(200, m);
    }

    /** {@code POST /advisor/ask} with {@code {"question": "..."}}: 202 with the pending question. */
    void ask(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        byte[] raw = call.body();
        AskRequest body;
        try {
            body = JsonBody.read(raw, AskRequest.class);
        } catch (ApiException e) {
            // A bad body is audited like any refused question (after the role check).
            engine.actions().perform(user, Action.ASK_ADVISOR, "advisor", () -> {
                throw e;
            });
            throw e;
        }
        PendingAdvice p;
        try {
            p = engine.consultAdvisor(user, body.question());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("question", "question: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "advisor_unavailable", null, e.getMessage());
        }
        call.json(202, Map.of("pending_advice", fields(p)));
    }

    /** A pending question as the API shows it (also in {@code POST /orchestrate}'s answer). */
    static Map<String, Object> fields(PendingAdvice p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("situation_id", p.situationId());
        m.put("asked_by", p.askedBy());
        m.put("operator_text", p.operatorText());
        m.put("asked_because", p.askedBecause());
        m.put("asked_at", p.askedAt().toString());
        m.put("deadline", p.deadline().toString());
        m.put("held", p.held().stream().map(d -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("id", d.id().toString());
            h.put("time", d.time().toString());
            h.put("source", d.source().name());
            h.put("action", d.action().name());
            h.put("module", d.module() == null ? null : d.module().key());
            h.put("priority", d.priority() == null ? null : d.priority().name());
            h.put("rationale", d.rationale());
            return h;
        }).toList());
        m.put("reasoning", p.reasoning());
        return m;
    }
}
