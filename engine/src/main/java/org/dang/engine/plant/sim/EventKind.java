package org.dang.engine.plant.sim;

/** Kinds of injected events, as written in schedule and label files. */
public enum EventKind {
    CRUDE_SWITCH, FURNACE_FOULING, PUMP_DEGRADATION, PREHEAT_DEGRADATION, FEED_STEP, FEED_PULSE,
    SENSOR_FLATLINE, SENSOR_SPIKE, SENSOR_DRIFT, SENSOR_DROPOUT, SENSOR_STUCK, MAINTENANCE
}
