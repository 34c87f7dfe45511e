package org.dang.engine.client.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.client.AdvisorQuestions;
import org.dang.engine.client.Subscription;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionPriority;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;

/**
 * The decision advisor of a remote engine: {@code GET /advisor/pending} (with the engine's own reason when
 * it cannot be asked) and {@code POST /advisor/ask}. A held decision comes back with what the API carries
 * (id, time, source, action, module, priority, rationale); its triggers and parameters are in
 * {@code /decisions} once recorded.
 */
final class RemoteAdvisor implements AdvisorQuestions {

    private final EngineHttp http;
    private final EventStream events;

    RemoteAdvisor(EngineHttp http, EventStream events) {
        this.http = http;
        this.events = events;
    }

    @Override
    public List<PendingAdvice> pending() {
        List<PendingAdvice> out = new ArrayList<>();
        for (JsonNode p : http.get("/advisor/pending").path("pending")) {
            out.add(read(p));
        }
        return out;
    }

    /**
     * The reason {@code GET /advisor/pending} gives: the engine's own {@code advisorUnavailable()}. Neither
     * {@code /status} (it knows the LLM backends, not {@code advisor.enabled}) nor a 409 on ask (also said
     * for a full advisor or no live data yet, which pass) would say the same as an embedded console.
     */
    @Override
    public Optional<String> unavailable() {
        JsonNode why = http.get("/advisor/pending").path("unavailable");
        return why.isTextual() && !why.asText().isBlank() ? Optional.of(why.asText()) : Optional.empty();
    }

    @Override
    public PendingAdvice ask(String question) {
        try {
            return read(http.post("/advisor/ask", Map.of("question", question == null ? "" : question))
                    .path("pending_advice"));
        } catch (RemoteEngineException e) {
            // 403 already arrives as AccessDeniedException; the others as the embedded engine would throw them.
            throw switch (e.status()) {
                case 400 -> new IllegalArgumentException(e.getMessage(), e);
                case 409 -> new IllegalStateException(e.getMessage(), e);
                default -> e;
            };
        }
    }

    /**
     * {@code advice} events (a question asked, answered or overruled) and {@code decision} events; while
     * questions wait, the advisor panel's one-second tick also refreshes (deadline bars, streamed reasoning).
     */
    @Override
    public Subscription watch(Runnable changed) {
        Subscription advice = events.on("advice", e -> changed.run());
        Subscription decisions = events.on("decision", e -> changed.run());
        return () -> {
            advice.close();
            decisions.close();
        };
    }

    /** A pending question with the field names of the server's {@code AdvisorRoute.fields}. */
    PendingAdvice read(JsonNode p) {
        try {
            List<String> because = new ArrayList<>();
            p.path("asked_because").forEach(b -> because.add(b.asText()));
            Instant askedAt = Instant.parse(text(p, "asked_at"));
            List<Decision> held = new ArrayList<>();
            for (JsonNode h : p.path("held")) {
                String module = h.path("module").isTextual() ? h.path("module").asText() : null;
                String priority = h.path("priority").isTextual() ? h.path("priority").asText() : null;
                held.add(new Decision(UUID.fromString(text(h, "id")), Instant.parse(text(h, "time")),
                        p.path("situation_id").asText(""), List.of(), DecisionAction.valueOf(text(h, "action")),
                        module == null ? null : ModuleName.fromKey(module).orElseThrow(() ->
                                new IllegalArgumentException("unknown module " + module)),
                        DecisionPriority.parse(priority), Map.of(), h.path("rationale").asText(""), "", 0,
                        DecisionSource.valueOf(text(h, "source")), Duration.ZERO));
            }
            return new PendingAdvice(UUID.fromString(text(p, "id")), p.path("situation_id").asText(""), because,
                    p.path("operator_text").asText(""), text(p, "asked_by"), askedAt,
                    Instant.parse(text(p, "deadline")), held, p.path("reasoning").asText(""), "");
        } catch (RuntimeException e) {
            throw new RemoteEngineException(200, "bad_pending_advice", "a pending question from " + http.engine()
                    + " could not be read (id " + p.path("id").asText("?") + "): " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return v.asText();
    }
}
