package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scheduled maintenance window on one piece of equipment: the charge is held at
 * {@code feedFraction} of its setpoint over [start, end), and the equipment is clean again at end
 * (exchanger cleaned, spare pump in service, furnace passes decoked).
 */
public record Maintenance(Instant start, Instant end, Equipment equipment, double feedFraction, String detail)
        implements CduEvent {
    public Maintenance {
        CduEvent.checkWindow(start, end);
        Objects.requireNonNull(equipment, "equipment");
        if (!(feedFraction > 0 && feedFraction <= 1)) {
            throw new IllegalArgumentException("maintenance feed fraction must be within (0, 1], was " + feedFraction);
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return EventKind.MAINTENANCE;
    }

    @Override
    public String target() {
        return equipment.key();
    }

    @Override
    public double magnitude() {
        return feedFraction;
    }

    @Override
    public List<String> tags() {
        return switch (equipment) {
            case FEED_PUMP -> List.of("feed_rate", "feed_pump_vibration");
            case PREHEAT -> List.of("feed_rate", "furnace_inlet_temp", "fuel_gas_flow");
            case FURNACE -> List.of("feed_rate", "tube_metal_temp", "furnace_efficiency");
        };
    }

    @Override
    public String describe() {
        String work = switch (equipment) {
            case FEED_PUMP -> "charge pump P-101 repair (spare P-101B in service)";
            case PREHEAT -> "hot preheat exchanger cleaning";
            case FURNACE -> "furnace pass decoking";
        };
        return String.format(Locale.ROOT, "maintenance window: %s, charge at %.0f %% of setpoint for %s", work,
                100 * feedFraction, CduEvent.hours(duration()));
    }
}
