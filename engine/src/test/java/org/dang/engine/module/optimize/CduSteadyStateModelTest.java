package org.dang.engine.module.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.CduTag;
import org.dang.engine.plant.sim.OperatingPoint;

/** The simulator's steady-state model as a function: it predicts where the simulator settles, prices as inputs. */
class CduSteadyStateModelTest {

    private final CduSteadyStateModel model = new CduSteadyStateModel();

    @Test
    void predictsWhereTheSimulatorSettles() {
        CduSimulator sim = new CduSimulator(CduConfig.defaults(4).withNoiseScale(0));
        sim.apply(sim.setpoints().withCoilOutletTemp(368).withRefluxRatio(1.9));
        sim.step();
        OperatingPoint p = model.predict(sim.conditions(), sim.setpoints());
        sim.run(6 * 60); // six hours: every lag and dead time long settled
        for (CduTag t : new CduTag[] {CduTag.TUBE_METAL_TEMP, CduTag.DIESEL_T95, CduTag.KERO_FLASH, CduTag.COLUMN_DP}) {
            // The crude-quality wander keeps moving, so allow for it.
            assertEquals(p.values().get(t), sim.state().truth(t), 1.5, t.tag());
        }
        assertEquals(sim.constraints().tubeMetalTemp().limit(), p.constraints().tubeMetalTemp().limit());
    }

    @Test
    void marginTakesPricesAsInputs() {
        CduConditions c = CduSimulator.seeded(1).conditions();
        OperatingPoint base = model.predict(c, CduSimulator.seeded(1).setpoints());
        OperatingPoint dearDiesel = model.predict(c.withPrices(c.prices().withDiesel(c.prices().diesel() + 10)),
                CduSimulator.seeded(1).setpoints());
        assertEquals(base.yields().diesel() * 10, dearDiesel.margin() - base.margin(), 1e-9);
        assertTrue(base.marginRate() != 0);
    }
}
