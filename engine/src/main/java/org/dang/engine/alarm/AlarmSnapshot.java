package org.dang.engine.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dang.engine.decision.AlertPriority;

/**
 * The unit's alarm system at one moment, for the console.
 *
 * @param time              the board's clock when taken
 * @param alarms            every alarm not in NORMAL state, highest priority first, newest first within a priority
 * @param annunciated       annunciated alarms (UNACK_ACTIVE, ACK_ACTIVE, UNACK_CLEARED) per priority,
 *                          every priority present
 * @param unacknowledged    alarms waiting for acknowledgement
 * @param shelved           shelved alarms
 * @param suppressed        alarms suppressed by the current flood
 * @param flood             whether the unit is in alarm flood
 * @param activations       alarm activations since the board started (shelved alarms not counted)
 * @param suppressedInFlood activations suppressed during floods since the board started
 */
public record AlarmSnapshot(Instant time, List<AlarmRecord> alarms, Map<AlertPriority, Integer> annunciated,
                            int unacknowledged, int shelved, int suppressed, boolean flood, long activations,
                            long suppressedInFlood) {
    public AlarmSnapshot {
        alarms = List.copyOf(alarms);
        annunciated = Map.copyOf(annunciated);
    }
}
