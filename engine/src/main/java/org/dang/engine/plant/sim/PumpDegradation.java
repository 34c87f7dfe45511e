package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Charge pump wear rises by {@code wear} over the window: capacity falls, vibration rises. */
public record PumpDegradation(Instant start, Instant end, double wear, String detail) implements CduEvent {
    public PumpDegradation {
        CduEvent.checkWindow(start, end);
        if (!(wear > 0 && wear <= 1)) {
            throw new IllegalArgumentException("pump wear increase must be within (0, 1], was " + wear);
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return EventKind.PUMP_DEGRADATION;
    }

    @Override
    public String target() {
        return Equipment.FEED_PUMP.key();
    }

    @Override
    public double magnitude() {
        return wear;
    }

    @Override
    public List<String> tags() {
        return List.of("feed_pump_vibration", "feed_rate");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "charge pump P-101 wear +%.2f over %s (capacity -%,.0f bbl/d, vibration"
                + " +%.1f mm/s)", wear, CduEvent.hours(duration()),
                CduModel.PUMP_CAPACITY_CLEAN * CduModel.PUMP_CAPACITY_LOSS * wear, CduModel.VIBRATION_PER_WEAR * wear);
    }
}
