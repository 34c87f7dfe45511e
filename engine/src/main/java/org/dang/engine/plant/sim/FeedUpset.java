package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A feed upset of {@code change} bbl/d. A STEP moves the charge setpoint at start and leaves it
 * there (a tank-farm restriction; the window is the settling time); a PULSE disturbs the actual
 * charge over [start, end) with the setpoint unchanged (a suction upset).
 */
public record FeedUpset(Instant start, Instant end, Shape shape, double change, String detail) implements CduEvent {

    /** Step or pulse. */
    public enum Shape { STEP, PULSE }

    public FeedUpset {
        CduEvent.checkWindow(start, end);
        Objects.requireNonNull(shape, "shape");
        if (!Double.isFinite(change) || change == 0) {
            throw new IllegalArgumentException("feed upset change must be a non-zero number of bbl/d, was " + change);
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return shape == Shape.STEP ? EventKind.FEED_STEP : EventKind.FEED_PULSE;
    }

    @Override
    public String target() {
        return "";
    }

    @Override
    public double magnitude() {
        return change;
    }

    @Override
    public List<String> tags() {
        return List.of("feed_rate", "reflux_flow", "fuel_gas_flow", "column_dp", "energy_per_bbl");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "feed %s of %+.0f bbl/d%s", shape == Shape.STEP ? "step" : "pulse", change,
                shape == Shape.STEP ? " (setpoint moved)" : " for " + CduEvent.hours(duration()));
    }
}
