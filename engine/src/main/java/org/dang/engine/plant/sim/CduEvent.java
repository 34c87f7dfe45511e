package org.dang.engine.plant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An event injected into the simulated unit at a given time; each one yields a ground-truth
 * {@link EventLabel}. Degradations ramp linearly over [start, end] and stay until a maintenance
 * window on the equipment ends; upsets, faults and maintenance act over [start, end).
 */
public sealed interface CduEvent permits CrudeSwitch, FurnaceFouling, PumpDegradation, PreheatDegradation, FeedUpset,
        SensorFault, Maintenance {

    /** When it begins. */
    Instant start();

    /** When it ends (equal to start for an instant change). */
    Instant end();

    /** Kind, as in schedule and label files. */
    EventKind kind();

    /** Crude name, tag name or equipment the event concerns, or empty. */
    String target();

    /** The event's size, in the unit its kind defines (see docs/simulator.md). */
    double magnitude();

    /** Free text given in the schedule, or empty. */
    String detail();

    /** Tags on which the event is visible. */
    List<String> tags();

    /** Generated description of the event. */
    String describe();

    /** True while {@code t} is within [start, end). */
    default boolean activeAt(Instant t) {
        return !t.isBefore(start()) && t.isBefore(end());
    }

    /** Length of the event. */
    default Duration duration() {
        return Duration.between(start(), end());
    }

    /** The ground-truth label. */
    default EventLabel label() {
        String d = detail().isBlank() ? describe() : describe() + "; " + detail();
        return new EventLabel(start(), end(), kind(), tags(), d);
    }

    /** Checks that an event does not end before it starts. */
    static void checkWindow(Instant start, Instant end) {
        if (start == null || end == null) {
            throw new IllegalArgumentException("event start and end are required");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("event ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Hours, for descriptions. */
    static String hours(Duration d) {
        double h = d.toMinutes() / 60.0;
        return h >= 48 ? String.format(Locale.ROOT, "%.1f d", h / 24)
                : String.format(Locale.ROOT, "%.1f h", h);
    }
}
