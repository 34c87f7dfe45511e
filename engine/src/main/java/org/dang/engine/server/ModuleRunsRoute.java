package org.dang.engine.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.json.Json;

/**
 * Module work for the activity view: {@code GET /modules/runs} lists runs queued, running or waiting
 * to retry (with progress) and the newest finished ones; {@code POST /modules/runs/{id}/cancel} cancels
 * one, checked against the role and audited as from the console.
 */
final class ModuleRunsRoute {

    private final Engine engine;

    ModuleRunsRoute(Engine engine) {
        this.engine = engine;
    }

    /** {@code GET /modules/runs?limit=100}. */
    void list(HttpCall call, User user) throws IOException {
        Map<String, String> p = call.query(Set.of("limit"));
        int limit = DecisionsRoute.integer(p, "limit", 100, 1, 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", engine.modules().activeRuns().stream().map(ModuleRunsRoute::fields).toList());
        body.put("recent", engine.store().moduleRuns(limit));
        call.json(200, body);
    }

    /** {@code POST /modules/runs/{id}/cancel}. */
    void cancel(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        String raw = call.segments()[2];
        long runId;
        try {
            runId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "run id \"" + raw + "\" is not a number");
        }
        ActiveRun run = engine.modules().activeRuns().stream().filter(r -> r.runId() == runId).findFirst()
                .orElseThrow(() -> new ApiException(404, "unknown_run", "id", "run " + runId
                        + " is not queued or running (finished runs cannot be cancelled)"));
        String target = run.module().key() + " run " + runId;
        boolean[] done = new boolean[1];
        try {
            engine.actions().perform(user, Action.CANCEL_MODULE_RUN, target, () -> {
                if (!engine.modules().cancel(runId, "cancelled by " + user.name() + " over the API")) {
                    throw new IllegalStateException(target + " had already finished");
                }
                done[0] = true;
                return "cancelled";
            });
        } catch (IllegalStateException e) {
            throw new ApiException(409, "run_finished", "id", e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", done[0]);
        m.put("detail", target + " cancelled");
        call.json(200, m);
    }

    static Map<String, Object> fields(ActiveRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("module", r.module());
        m.put("request", Json.mapper().valueToTree(r.request()));
        m.put("priority", r.priority());
        m.put("state", r.state());
        m.put("attempt", r.attempt());
        m.put("queued_at", r.queuedAt());
        m.put("started_at", r.startedAt().orElse(null));
        m.put("progress", r.progress());
        m.put("progress_message", r.progressMessage());
        return m;
    }
}
