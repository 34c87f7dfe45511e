package org.dang.engine.alarm;

import org.dang.engine.store.AuditEvent;

/**
 * Where the board keeps its history: every alarm event and the audit events of alarm commands.
 * The board calls both under its lock, so they must return quickly; they must not lose events.
 */
public interface AlarmJournal {

    /** Keeps one alarm event. */
    void record(AlarmEvent event);

    /** Keeps one audit event (acknowledge_alarm, shelve_alarm, unshelve_alarm). */
    void audit(AuditEvent event);
}
