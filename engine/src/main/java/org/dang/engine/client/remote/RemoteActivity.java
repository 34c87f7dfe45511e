package org.dang.engine.client.remote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.client.ModuleActivity;
import org.dang.engine.client.Subscription;
import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.coordinator.RunState;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.store.ModuleRunRecord;

/** Module work of a remote engine: {@code GET /modules/runs}, {@code POST /modules/runs/{id}/cancel}. */
final class RemoteActivity implements ModuleActivity {

    private final EngineHttp http;
    private final EventStream events;

    RemoteActivity(EngineHttp http, EventStream events) {
        this.http = http;
        this.events = events;
    }

    @Override
    public List<ActiveRun> active() {
        List<ActiveRun> out = new ArrayList<>();
        for (JsonNode r : http.get("/modules/runs?limit=1").path("active")) {
            ModuleName module = ModuleName.fromKey(r.path("module").asText()).orElseThrow(() ->
                    new RemoteEngineException(200, "bad_run", "a run from " + http.engine() + " names an unknown module "
                            + r.path("module"), null));
            out.add(new ActiveRun(r.path("run_id").asLong(), module, new RemoteRequest(module, r.path("request")),
                    WorkPriority.valueOf(r.path("priority").asText()), RunState.valueOf(r.path("state").asText()),
                    r.path("attempt").asInt(), Instant.parse(r.path("queued_at").asText()),
                    r.path("started_at").isTextual() ? Optional.of(Instant.parse(r.path("started_at").asText()))
                            : Optional.empty(), r.path("progress").asDouble(-1), r.path("progress_message").asText("")));
        }
        return out;
    }

    @Override
    public List<ModuleRunRecord> recent(int limit) {
        List<ModuleRunRecord> out = new ArrayList<>();
        try {
            for (JsonNode r : http.get("/modules/runs?limit=" + limit).path("recent")) {
                out.add(Json.mapper().treeToValue(r, ModuleRunRecord.class));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RemoteEngineException(200, "bad_run", "a finished run from " + http.engine()
                    + " could not be read: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    @Override
    public String cancel(ActiveRun run) {
        try {
            return http.post("/modules/runs/" + run.runId() + "/cancel", Map.of()).path("detail").asText();
        } catch (RemoteEngineException e) {
            if (e.status() == 409 || e.status() == 404) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public Subscription watch(Runnable changed) {
        return events.on("module_run", e -> changed.run());
    }
}
