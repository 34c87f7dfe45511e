package org.dang.engine.module.optimize;

import java.util.Objects;

import org.dang.engine.module.optimize.safety.ApprovedMove;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduState;
import org.dang.engine.plant.sim.SimulatorSource;

/** The live CDU simulator as the plant the optimisation module proposes to and approvals move. */
public final class SimulatorPlant implements SetpointPlant {

    private final SimulatorSource source;

    /** The plant behind {@code source}. */
    public SimulatorPlant(SimulatorSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public CduState state() {
        return source.latest();
    }

    @Override
    public CduConditions conditions() {
        return source.conditions();
    }

    @Override
    public void apply(ApprovedMove move) {
        source.apply(move);
    }

    @Override
    public String name() {
        return source.name();
    }
}
