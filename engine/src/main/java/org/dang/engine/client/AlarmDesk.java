package org.dang.engine.client;

import java.time.Duration;

import org.dang.engine.alarm.AlarmSnapshot;

/**
 * The unit's alarm list with the signed-in user's acknowledge and shelve; the engine checks the role
 * and audits every attempt, whichever side of the network the console is on.
 */
public interface AlarmDesk {

    /** The alarm system now. */
    AlarmSnapshot snapshot();

    /** Acknowledges {@code alarmId}; false when there was nothing to acknowledge. */
    boolean acknowledge(String alarmId);

    /** Shelves {@code alarmId} for {@code duration} with {@code reason}. */
    void shelve(String alarmId, String reason, Duration duration);

    /** Returns a shelved alarm to service; false when it was not shelved. */
    boolean unshelve(String alarmId);

    /** Calls {@code changed} (on any thread) on every alarm event. */
    Subscription watch(Runnable changed);
}
