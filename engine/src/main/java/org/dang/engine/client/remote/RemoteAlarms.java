package org.dang.engine.client.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.alarm.AlarmSnapshot;
import org.dang.engine.client.AlarmDesk;
import org.dang.engine.client.Subscription;
import org.dang.engine.json.Json;

/** The alarm list of a remote engine ({@code /alarms}); the server checks the token's role and audits. */
final class RemoteAlarms implements AlarmDesk {

    private final EngineHttp http;
    private final EventStream events;

    RemoteAlarms(EngineHttp http, EventStream events) {
        this.http = http;
        this.events = events;
    }

    @Override
    public AlarmSnapshot snapshot() {
        JsonNode body = http.get("/alarms");
        try {
            return Json.mapper().treeToValue(body, AlarmSnapshot.class);
        } catch (Exception e) {
            throw new RemoteEngineException(200, "bad_alarms", "the alarm list from " + http.engine()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean acknowledge(String alarmId) {
        return http.post(path(alarmId, "acknowledge"), Map.of()).path("done").asBoolean();
    }

    @Override
    public void shelve(String alarmId, String reason, Duration duration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("minutes", duration.toMillis() / 60_000.0);
        try {
            http.post(path(alarmId, "shelve"), body);
        } catch (RemoteEngineException e) {
            if (e.status() == 400) {
                throw new IllegalArgumentException(e.getMessage(), e); // a bad reason or duration, as embedded
            }
            throw e;
        }
    }

    @Override
    public boolean unshelve(String alarmId) {
        return http.post(path(alarmId, "unshelve"), Map.of()).path("done").asBoolean();
    }

    private static String path(String alarmId, String verb) {
        return "/alarms/" + URLEncoder.encode(alarmId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + verb;
    }

    @Override
    public Subscription watch(Runnable changed) {
        return events.on("alarm", e -> changed.run());
    }
}
