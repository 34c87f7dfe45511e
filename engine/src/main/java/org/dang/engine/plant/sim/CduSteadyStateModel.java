package org.dang.engine.plant.sim;

import java.util.Objects;

/**
 * The simulator's steady-state model as a pure function, for optimisers and safety checks: given
 * the conditions and a set of setpoints, the operating point the unit would settle to. It is the
 * same model the simulator's tags follow, so a prediction made with the simulator's present
 * {@link CduSimulator#conditions()} is exact once the lags have settled. Stateless and thread-safe.
 */
public final class CduSteadyStateModel {

    private final CduModel model = new CduModel();

    /** The operating point under {@code conditions} with {@code setpoints}. */
    public OperatingPoint predict(CduConditions conditions, Setpoints setpoints) {
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(setpoints, "setpoints");
        SteadyState s = model.evaluate(conditions.crude(), conditions.tbpShift(), setpoints,
                conditions.feedDemand(setpoints), conditions.equipment(), conditions.ambient(), conditions.prices());
        TagValues values = new TagValues(s.targets());
        return new OperatingPoint(setpoints, values, s.yields(), CduConstraints.of(values, s));
    }
}
