package org.dang.engine.plant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Charge switched to another crude tank at {@code start}; the line blends over about an hour. */
public record CrudeSwitch(Instant start, Instant end, String crude, String detail) implements CduEvent {
    public CrudeSwitch {
        CduEvent.checkWindow(start, end);
        Objects.requireNonNull(crude, "crude");
        if (Crude.byName(crude).isEmpty()) {
            throw new IllegalArgumentException("unknown crude " + crude + " (known: "
                    + Crude.library().stream().map(Crude::name).toList() + ")");
        }
        detail = Objects.requireNonNullElse(detail, "");
    }

    @Override
    public EventKind kind() {
        return EventKind.CRUDE_SWITCH;
    }

    @Override
    public String target() {
        return crude;
    }

    @Override
    public double magnitude() {
        return 0;
    }

    @Override
    public List<String> tags() {
        return List.of("crude_api", "desalter_salt_out", "naphtha_yield", "kero_yield", "diesel_yield", "residue_yield",
                "margin");
    }

    @Override
    public String describe() {
        return "crude switch to " + Crude.byName(crude).orElseThrow().description();
    }
}
