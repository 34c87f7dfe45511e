package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Steady-state responses have the signs a process engineer expects. Two copies of one simulator
 * share noise, wander and weather, so their difference is the response alone.
 */
class CduSteadyStateResponseTest {

    private record Pair(CduState base, CduState moved) {
        double delta(CduTag t) {
            return moved.truth(t) - base.truth(t);
        }
    }

    private static Pair settle(UnaryOperator<Setpoints> change) {
        CduSimulator base = new CduSimulator(CduFixtures.quiet());
        CduSimulator moved = base.copy();
        moved.apply(change.apply(moved.setpoints()));
        return new Pair(base.run(400), moved.run(400));
    }

    @Test
    void higherCotLiftsDistillateAndCostsFuelAndTubeTemperature() {
        Pair p = settle(sp -> sp.withCoilOutletTemp(370));
        assertEquals(10, p.delta(CduTag.COIL_OUTLET_TEMP), 0.01);
        assertTrue(p.delta(CduTag.RESIDUE_YIELD) < -1.0, "residue vol% " + p.delta(CduTag.RESIDUE_YIELD));
        assertTrue(p.moved.yields().distillate() > p.base.yields().distillate() + 0.01);
        assertTrue(p.delta(CduTag.DIESEL_YIELD) > 1.0, "diesel vol% " + p.delta(CduTag.DIESEL_YIELD));
        assertTrue(p.delta(CduTag.FUEL_GAS_FLOW) > 0.15, "fuel t/h " + p.delta(CduTag.FUEL_GAS_FLOW));
        assertTrue(p.delta(CduTag.TUBE_METAL_TEMP) > 15, "TMT " + p.delta(CduTag.TUBE_METAL_TEMP));
        assertTrue(p.delta(CduTag.DIESEL_T95) > 8, "T95 " + p.delta(CduTag.DIESEL_T95));
        assertTrue(p.delta(CduTag.ENERGY_PER_BBL) > 2, "MJ/bbl " + p.delta(CduTag.ENERGY_PER_BBL));
    }

    @Test
    void moreRefluxGivesLighterNaphthaAndLowerKeroFlash() {
        Pair p = settle(sp -> sp.withRefluxRatio(2.2));
        assertTrue(p.delta(CduTag.TOP_TEMP) < -5, "top temp " + p.delta(CduTag.TOP_TEMP));
        assertTrue(p.delta(CduTag.NAPHTHA_YIELD) < -1, "naphtha " + p.delta(CduTag.NAPHTHA_YIELD));
        assertTrue(p.delta(CduTag.KERO_FLASH) < -3, "flash " + p.delta(CduTag.KERO_FLASH));
        assertTrue(p.delta(CduTag.REFLUX_FLOW) > 50, "reflux " + p.delta(CduTag.REFLUX_FLOW));
    }

    @Test
    void moreStrippingSteamLiftsMoreOutOfTheResidue() {
        Pair p = settle(sp -> sp.withStrippingSteam(9));
        assertTrue(p.delta(CduTag.RESIDUE_YIELD) < -0.5, "residue " + p.delta(CduTag.RESIDUE_YIELD));
        assertTrue(p.delta(CduTag.BOTTOMS_TEMP) < -2, "bottoms " + p.delta(CduTag.BOTTOMS_TEMP));
    }

    @Test
    void heavierCrudeGivesMoreResidue() {
        double light = new CduSimulator(CduFixtures.quiet().withCrude("light_sweet")).state().yields().residue();
        double medium = new CduSimulator(CduFixtures.quiet().withCrude("medium_sour")).state().yields().residue();
        double heavy = new CduSimulator(CduFixtures.quiet().withCrude("heavy_sour")).state().yields().residue();
        assertTrue(light + 0.05 < medium && medium + 0.05 < heavy, light + " " + medium + " " + heavy);
    }

    @Test
    void crudeSwitchBlendsTheNewCrudeIn() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet(),
                EventSchedule.of(new CrudeSwitch(CduFixtures.at(10), CduFixtures.at(250), "heavy_sour", "")));
        double before = sim.run(10).truth(CduTag.RESIDUE_YIELD);
        CduState mid = sim.run(45);
        double[] w = mid.crude().weights();
        assertEquals(1 - Math.exp(-1), w[2], 0.03, "heavy fraction after one blend time constant");
        CduState after = sim.run(400);
        assertEquals("heavy_sour", after.crude().name());
        assertTrue(after.truth(CduTag.RESIDUE_YIELD) > before + 8, before + " -> " + after.truth(CduTag.RESIDUE_YIELD));
        assertEquals(21.8, after.truth(CduTag.CRUDE_API), 1.0);
    }

    @Test
    void furnaceFoulingDrivesTubeMetalUpAndEfficiencyDownOverTime() {
        CduSimulator clean = new CduSimulator(CduFixtures.quiet());
        CduSimulator fouled = new CduSimulator(CduFixtures.quiet(),
                EventSchedule.of(new FurnaceFouling(CduFixtures.at(0), CduFixtures.at(2 * 1440), 0.30, "")));
        double dTmtDay1 = fouled.run(1440).truth(CduTag.TUBE_METAL_TEMP) - clean.run(1440).truth(CduTag.TUBE_METAL_TEMP);
        CduState f = fouled.run(1440 + 60);
        CduState c = clean.run(1440 + 60);
        double dTmt = f.truth(CduTag.TUBE_METAL_TEMP) - c.truth(CduTag.TUBE_METAL_TEMP);
        double dEff = f.truth(CduTag.FURNACE_EFFICIENCY) - c.truth(CduTag.FURNACE_EFFICIENCY);
        assertEquals(0.35, f.equipment().furnaceFouling(), 1e-9);
        assertTrue(dTmt > 50 && dTmt < 90, "TMT rise " + dTmt);
        assertEquals(0.5, dTmtDay1 / dTmt, 0.06, "linear ramp: half the rise after half the time");
        assertTrue(dEff < -1.2 && dEff > -3, "efficiency change " + dEff);
        assertTrue(f.truth(CduTag.FUEL_GAS_FLOW) > c.truth(CduTag.FUEL_GAS_FLOW));
        assertTrue(f.truth(CduTag.STACK_TEMP) > c.truth(CduTag.STACK_TEMP) + 30);
    }

    @Test
    void preheatFoulingLowersFurnaceInletAndRaisesFuel() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet(),
                EventSchedule.of(new PreheatDegradation(CduFixtures.at(0), CduFixtures.at(60), 0.15, "")));
        CduSimulator ref = new CduSimulator(CduFixtures.quiet());
        CduState s = sim.run(300);
        CduState r = ref.run(300);
        assertTrue(s.truth(CduTag.FURNACE_INLET_TEMP) < r.truth(CduTag.FURNACE_INLET_TEMP) - 15);
        assertTrue(s.truth(CduTag.FUEL_GAS_FLOW) > r.truth(CduTag.FUEL_GAS_FLOW) + 0.3);
        assertEquals(r.truth(CduTag.COIL_OUTLET_TEMP), s.truth(CduTag.COIL_OUTLET_TEMP), 1e-9, "COT still on setpoint");
    }

    @Test
    void wornPumpVibratesAndCannotDeliverTheCharge() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet(),
                EventSchedule.of(new PumpDegradation(CduFixtures.at(0), CduFixtures.at(120), 0.6, ""),
                        new Maintenance(CduFixtures.at(300), CduFixtures.at(360), Equipment.FEED_PUMP, 0.8, "")));
        CduState worn = sim.run(290);
        assertEquals(1.8 + 11 * 0.6, worn.truth(CduTag.FEED_PUMP_VIBRATION), 0.05);
        assertEquals(120_000 * (1 - 0.45 * 0.6), worn.truth(CduTag.FEED_RATE), 50);
        CduState inWindow = sim.run(40);
        assertEquals(80_000, inWindow.truth(CduTag.FEED_RATE), 100, "charge held at 80 % in the window");
        CduState repaired = sim.run(300);
        assertEquals(0, repaired.equipment().pumpWear());
        assertEquals(100_000, repaired.truth(CduTag.FEED_RATE), 1);
        assertEquals(1.8, repaired.truth(CduTag.FEED_PUMP_VIBRATION), 0.01);
    }

    @Test
    void feedStepMovesTheSetpointAndPulseOnlyTheFlow() {
        CduSimulator sim = new CduSimulator(CduFixtures.quiet(), EventSchedule.of(
                new FeedUpset(CduFixtures.at(10), CduFixtures.at(20), FeedUpset.Shape.PULSE, -20_000, ""),
                new FeedUpset(CduFixtures.at(100), CduFixtures.at(130), FeedUpset.Shape.STEP, -8_000, "")));
        CduState pulse = sim.run(19);
        assertEquals(100_000, pulse.setpoints().feedRate());
        assertTrue(pulse.truth(CduTag.FEED_RATE) < 90_000, "pulse visible " + pulse.truth(CduTag.FEED_RATE));
        assertEquals(100_000, sim.run(80).truth(CduTag.FEED_RATE), 1, "pulse over");
        CduState step = sim.run(60);
        assertEquals(92_000, step.setpoints().feedRate());
        assertEquals(92_000, step.truth(CduTag.FEED_RATE), 1);
    }
}
