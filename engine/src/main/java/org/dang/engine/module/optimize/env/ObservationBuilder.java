package org.dang.engine.module.optimize.env;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduConstraints;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.Setpoints;
import org.dang.engine.plant.sim.CduState;
import org.dang.engine.plant.sim.CduTag;
import org.dang.engine.plant.sim.Prices;

/**
 * Builds an {@link Observation} from a simulator state and its conditions: measured tags (what the
 * transmitters say, noise included), prices, the equipment condition, crude wander and air
 * temperature, the hard constraints the model predicts at the design setpoints, and the setpoints
 * in force, each shifted and scaled to about -1 .. 1. The centres and spans are
 * part of the environment version.
 */
public final class ObservationBuilder {

    private ObservationBuilder() {
    }

    private static final CduSteadyStateModel MODEL = new CduSteadyStateModel();

    /** The observation of state {@code s} under conditions {@code c}. */
    public static Observation of(CduState s, CduConditions c) {
        Prices p = s.prices();
        CduConstraints nominal = MODEL.predict(c, Setpoints.nominal()).constraints();
        double[] f = {
            1,
            scaled(s.measured(CduTag.CRUDE_API), 30, 8),
            scaled(s.measured(CduTag.TUBE_METAL_TEMP), 570, 60),
            scaled(s.measured(CduTag.STACK_TEMP), 200, 40),
            scaled(s.measured(CduTag.FURNACE_INLET_TEMP), 265, 15),
            scaled(s.measured(CduTag.FEED_PUMP_VIBRATION), 3.5, 2),
            scaled(s.measured(CduTag.TOP_PRESSURE), 1.55, 0.15),
            scaled(s.measured(CduTag.COLUMN_DP), 22, 10),
            scaled(p.brent(), 70, 20),
            scaled(p.diesel() - p.brent(), 18, 10),
            scaled(p.kerosene() - p.diesel(), 0, 10),
            scaled(p.naphtha() - p.brent(), -4, 8),
            scaled(p.residue() / p.brent(), 0.835, 0.085),
            scaled(p.fuelGas(), 5, 3),
            scaled(p.steam(), 11, 5),
            scaled(s.measured(CduTag.DIESEL_T95), 350, 10),
            scaled(s.measured(CduTag.KERO_FLASH), 45, 7),
            scaled(c.equipment().furnaceFouling(), 0.25, 0.25),
            scaled(c.equipment().preheatLoss(), 0.125, 0.125),
            scaled(c.equipment().pumpWear(), 0.175, 0.175),
            scaled(c.tbpShift(), 0, 2.5),
            scaled(c.ambient(), 20, 6),
            scaled(nominal.tubeMetalTemp().value(), 570, 60),
            scaled(nominal.columnFlooding().value(), 0.75, 0.15),
            scaled(nominal.topPressure().value(), 1.55, 0.15),
            scaled(nominal.keroFlash().value(), 45, 3),
            scaled(nominal.dieselT95().value(), 350, 3),
            scaled(nominal.feedPumpCapacity().limit(), 105_000, 15_000),
            scaled(nominal.furnaceFiring().value(), 240, 30),
            0, 0, 0, 0, 0, 0,
        };
        double[] sp = SetpointSpace.toUnit(s.setpoints());
        for (int i = 0; i < sp.length; i++) {
            f[f.length - sp.length + i] = 2 * sp[i] - 1;
        }
        return new Observation(s.time(), f, sp);
    }

    private static double scaled(double v, double centre, double span) {
        double x = (v - centre) / span;
        return Double.isFinite(x) ? x : 0;
    }
}
