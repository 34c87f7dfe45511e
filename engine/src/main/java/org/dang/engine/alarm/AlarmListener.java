package org.dang.engine.alarm;

/**
 * Receives alarm events on the board's event thread, in the order they happened. An exception it
 * throws is logged and affects no other listener.
 */
@FunctionalInterface
public interface AlarmListener {

    /** One alarm event. */
    void alarmEvent(AlarmEvent event);
}
