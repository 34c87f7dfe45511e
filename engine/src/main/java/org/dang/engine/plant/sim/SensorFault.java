package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A transmitter fault on one tag over [start, end); the true process value is unaffected.
 * Magnitude: the pinned value (FLATLINE), the spike size (SPIKE), the offset reached at the end
 * (DRIFT); unused for DROPOUT and STUCK.
 */
public record SensorFault(Instant start, Instant end, CduTag tag, FaultMode mode, double magnitude, String detail)
        implements CduEvent {
    public SensorFault {
        CduEvent.checkWindow(start, end);
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mode, "mode");
        if (!Double.isFinite(magnitude)) {
            throw new IllegalArgumentException("sensor fault magnitude must be a number");
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return mode.kind();
    }

    @Override
    public String target() {
        return tag.tag();
    }

    @Override
    public List<String> tags() {
        return List.of(tag.tag());
    }

    @Override
    public String describe() {
        String what = switch (mode) {
            case FLATLINE -> String.format(Locale.ROOT, "flat-lined at %s %s", trim(magnitude), tag.unit());
            case SPIKE -> String.format(Locale.ROOT, "spikes of +/-%s %s", trim(magnitude), tag.unit());
            case DRIFT -> String.format(Locale.ROOT, "drifting to %+g %s", magnitude, tag.unit());
            case DROPOUT -> "dropped out (no value)";
            case STUCK -> "stuck at its last value";
        };
        return "sensor fault: " + tag.tag() + " " + what + " for " + CduEvent.hours(duration())
                + "; the process is unaffected";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
