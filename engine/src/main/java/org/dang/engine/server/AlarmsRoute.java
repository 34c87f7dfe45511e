package org.dang.engine.server;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.alarm.AlarmBoard;
import org.dang.engine.alarm.AlarmRecord;

/**
 * The unit's ISA-18.2 alarms: {@code GET /alarms} lists them; acknowledge, shelve and unshelve go
 * through the alarm board, which checks the role (operators acknowledge, engineers shelve) and
 * audits every attempt with who, what, when, from where and the result, as in the console.
 */
final class AlarmsRoute {

    /** The body of {@code POST /alarms/{id}/shelve}. */
    record ShelveRequest(String reason, Double minutes) {
    }

    private final Engine engine;

    AlarmsRoute(Engine engine) {
        this.engine = engine;
    }

    /** {@code GET /alarms}. */
    void list(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        call.json(200, board().snapshot());
    }

    /** {@code POST /alarms/{id}/acknowledge}. */
    void acknowledge(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        AlarmBoard board = board();
        String id = known(board, call);
        boolean done = board.acknowledge(id, user);
        answer(call, board, id, done, done ? "acknowledged" : "nothing to acknowledge");
    }

    /** {@code POST /alarms/{id}/unshelve}. */
    void unshelve(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        AlarmBoard board = board();
        String id = known(board, call);
        boolean done = board.unshelve(id, user);
        answer(call, board, id, done, done ? "unshelved" : "not shelved");
    }

    /** {@code POST /alarms/{id}/shelve} with {@code {"reason": "...", "minutes": 30}}. */
    void shelve(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        AlarmBoard board = board();
        String id = known(board, call);
        ShelveRequest body = JsonBody.read(call.body(), ShelveRequest.class);
        if (body.minutes() == null || !Double.isFinite(body.minutes()) || body.minutes() <= 0) {
            throw ApiException.invalid("minutes", "minutes must be a positive number, was " + body.minutes());
        }
        Duration duration = Duration.ofMillis(Math.round(body.minutes() * 60_000));
        try {
            board.shelve(id, user, body.reason(), duration);
        } catch (IllegalArgumentException e) {
            // The board audited it as REJECTED; say which field was wrong.
            String m = String.valueOf(e.getMessage());
            throw ApiException.invalid(m.contains("reason") ? "reason" : "minutes", m);
        }
        answer(call, board, id, true, "shelved");
    }

    private AlarmBoard board() {
        return engine.alarms().orElseThrow(() -> new ApiException(409, "no_plant_data", null,
                "no plant data source is attached to this engine, so it has no alarms (dang serve --source)"));
    }

    private static String known(AlarmBoard board, HttpCall call) {
        String id = call.segments()[1];
        if (board.alarm(id).isEmpty()) {
            throw new ApiException(404, "unknown_alarm", "id", "no alarm \"" + id + "\" on this unit");
        }
        return id;
    }

    private static void answer(HttpCall call, AlarmBoard board, String id, boolean done, String what)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", done);
        m.put("detail", what);
        AlarmRecord alarm = board.alarm(id).orElse(null);
        m.put("alarm", alarm);
        call.json(200, m);
    }
}
