package org.dang.engine.plant.sim;

/** How a faulty transmitter misreports; the process itself is unaffected. */
public enum FaultMode {
    /** Output pinned at a fixed value (the event's magnitude), e.g. a transmitter failed low. */
    FLATLINE,
    /** Isolated spikes of plus or minus the magnitude on about one sample in twelve. */
    SPIKE,
    /** An offset growing linearly to the magnitude at the end of the window. */
    DRIFT,
    /** No value (NaN): a lost signal. */
    DROPOUT,
    /** Frozen at the last reading before the fault. */
    STUCK;

    /** The event kind of a fault in this mode. */
    public EventKind kind() {
        return EventKind.valueOf("SENSOR_" + name());
    }
}
