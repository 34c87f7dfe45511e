package org.dang.app.alarm;

import java.util.HashMap;
import java.util.Map;

import org.dang.engine.alarm.AlarmBoard;
import org.dang.engine.alarm.AlarmRecord;
import org.dang.engine.alarm.AlarmSnapshot;
import org.dang.engine.alarm.AlarmState;
import org.dang.engine.decision.AlertPriority;

/** The highest annunciated alarm priority per tag, for colouring tiles. */
public final class ActiveAlarms {

    private ActiveAlarms() {
    }

    /** Tag to highest priority among its alarms that are active and annunciated (not shelved or suppressed). */
    public static Map<String, AlertPriority> byTag(AlarmBoard board) {
        return byTag(board.snapshot());
    }

    /** The same from a snapshot (a remote engine's alarm list). */
    public static Map<String, AlertPriority> byTag(AlarmSnapshot snapshot) {
        Map<String, AlertPriority> out = new HashMap<>();
        for (AlarmRecord a : snapshot.alarms()) {
            boolean annunciated = a.active() && (a.state() == AlarmState.UNACK_ACTIVE || a.state() == AlarmState.ACK_ACTIVE);
            if (annunciated) {
                out.merge(a.tag(), a.priority(), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
            }
        }
        return out;
    }
}
