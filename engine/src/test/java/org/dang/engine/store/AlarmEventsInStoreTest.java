package org.dang.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmEventsInStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path dir;

    private static AlarmEventRecord event(int second, String event) {
        return new AlarmEventRecord(T0.plusSeconds(second), "TI-101", "TI-101.HI", event, "MEDIUM",
                event.equals("ACKNOWLEDGED") ? "anna" : null, null, "{\"state\":\"X\"}");
    }

    @Test
    void batchesAreRecordedAndQueriedByHalfOpenTimeRangeNewestFirst() {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            store.recordAlarmEvents(List.of(event(0, "RAISED"), event(10, "ACKNOWLEDGED"), event(20, "CLEARED")));
            store.recordAlarmEvent(event(30, "RAISED"));
            store.recordAlarmEvents(List.of());
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            List<AlarmEventRecord> all = store.alarmEvents(T0, T0.plusSeconds(31), 100);
            assertEquals(List.of("RAISED", "CLEARED", "ACKNOWLEDGED", "RAISED"),
                    all.stream().map(AlarmEventRecord::event).toList());
            assertEquals(event(10, "ACKNOWLEDGED"), all.get(2));
            List<AlarmEventRecord> range = store.alarmEvents(T0.plusSeconds(10), T0.plusSeconds(30), 100);
            assertEquals(List.of(T0.plusSeconds(20), T0.plusSeconds(10)),
                    range.stream().map(AlarmEventRecord::time).toList());
            assertEquals(1, store.alarmEvents(T0, T0.plusSeconds(31), 1).size());
        }
    }

    @Test
    void alarmEventsStayAppendOnly() throws SQLException {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            store.recordAlarmEvent(event(0, "RAISED"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("DELETE FROM alarm_events"));
        }
    }
}
