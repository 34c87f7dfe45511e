package org.dang.engine.alarm;

import java.util.ArrayList;
import java.util.List;

import org.dang.engine.store.AuditEvent;

/** Keeps the board's events and audits in memory, as they are handed over (under the board's lock). */
final class MemoryJournal implements AlarmJournal {
    private final List<AlarmEvent> events = new ArrayList<>();
    private final List<AuditEvent> audits = new ArrayList<>();

    @Override
    public synchronized void record(AlarmEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void audit(AuditEvent event) {
        audits.add(event);
    }

    synchronized List<AlarmEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<AlarmEventType> types(String alarmId) {
        return events.stream().filter(e -> e.alarmId().equals(alarmId)).map(AlarmEvent::type).toList();
    }

    synchronized List<AlarmEvent> ofType(AlarmEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    synchronized List<AuditEvent> audits() {
        return List.copyOf(audits);
    }

    synchronized void clear() {
        events.clear();
        audits.clear();
    }
}
