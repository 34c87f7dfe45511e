package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Furnace fouling index rises by {@code increase} over the window: efficiency down, tube metal temperature up. */
public record FurnaceFouling(Instant start, Instant end, double increase, String detail) implements CduEvent {
    public FurnaceFouling {
        CduEvent.checkWindow(start, end);
        if (!(increase > 0 && increase <= 1)) {
            throw new IllegalArgumentException("furnace fouling increase must be within (0, 1], was " + increase);
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return EventKind.FURNACE_FOULING;
    }

    @Override
    public String target() {
        return Equipment.FURNACE.key();
    }

    @Override
    public double magnitude() {
        return increase;
    }

    @Override
    public List<String> tags() {
        return List.of("tube_metal_temp", "furnace_efficiency", "stack_temp", "fuel_gas_flow", "fuel_gas_duty");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "furnace fouling index +%.2f over %s (efficiency down, TMT up)", increase,
                CduEvent.hours(duration()));
    }
}
