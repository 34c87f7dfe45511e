package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Hot preheat train loses {@code loss} of its effectiveness over the window: furnace inlet falls, fuel rises. */
public record PreheatDegradation(Instant start, Instant end, double loss, String detail) implements CduEvent {
    public PreheatDegradation {
        CduEvent.checkWindow(start, end);
        if (!(loss > 0 && loss <= 1)) {
            throw new IllegalArgumentException("preheat effectiveness loss must be within (0, 1], was " + loss);
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return EventKind.PREHEAT_DEGRADATION;
    }

    @Override
    public String target() {
        return Equipment.PREHEAT.key();
    }

    @Override
    public double magnitude() {
        return loss;
    }

    @Override
    public List<String> tags() {
        return List.of("furnace_inlet_temp", "fuel_gas_flow", "fuel_gas_duty", "energy_per_bbl", "tube_metal_temp");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "preheat exchanger fouling: effectiveness -%.0f %% over %s (furnace inlet"
                + " down, fuel up)", 100 * loss, CduEvent.hours(duration()));
    }
}
