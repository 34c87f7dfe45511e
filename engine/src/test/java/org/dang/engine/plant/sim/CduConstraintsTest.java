package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Constraints hold at the design point and are flagged when the unit is pushed past them. */
class CduConstraintsTest {

    private static CduConstraints pushed(CduConfig config) {
        CduSimulator sim = new CduSimulator(config);
        sim.run(300);
        return sim.constraints();
    }

    private static List<String> violated(CduConstraints c) {
        return c.violations().stream().map(Constraint::name).toList();
    }

    @Test
    void designPointViolatesNothingForAnyCrude() {
        for (Crude crude : Crude.library()) {
            CduConstraints c = pushed(CduFixtures.quiet().withCrude(crude.name()));
            assertFalse(c.anyViolated(), crude.name() + " " + c.violations());
            assertEquals(7, c.all().size());
            c.all().forEach(x -> assertTrue(x.margin() > 0, x.toString()));
        }
    }

    @Test
    void highCotBreaksTheDieselEndPoint() {
        CduConstraints c = pushed(CduFixtures.quiet().withSetpoints(Setpoints.nominal().withCoilOutletTemp(385)));
        assertEquals(List.of("diesel_t95"), violated(c));
        assertTrue(c.dieselT95().value() > 370, c.dieselT95().toString());
    }

    @Test
    void highRefluxBreaksTheKeroseneFlashPoint() {
        CduConstraints c = pushed(CduFixtures.quiet().withSetpoints(Setpoints.nominal().withRefluxRatio(3.0)));
        assertEquals(List.of("kero_flash"), violated(c));
        assertTrue(c.keroFlash().value() < 36, c.keroFlash().toString());
    }

    @Test
    void fouledFurnaceAtHighCotBreaksTheTubeLimit() {
        CduConstraints c = pushed(CduFixtures.quiet().withSetpoints(Setpoints.nominal().withCoilOutletTemp(375))
                .withEquipment(new EquipmentCondition(0.6, 0, 0)));
        assertTrue(c.tubeMetalTemp().violated(), c.tubeMetalTemp().toString());
        assertEquals(CduConstraints.TMT_LIMIT, c.tubeMetalTemp().limit());
    }

    @Test
    void lightCrudeAtFullRateAndRefluxFloodsTheColumnAndOverloadsTheCondensers() {
        CduConstraints c = pushed(CduFixtures.quiet().withCrude("light_sweet")
                .withSetpoints(Setpoints.nominal().withFeedRate(115_000).withRefluxRatio(3.0)));
        assertTrue(c.columnFlooding().violated(), c.columnFlooding().toString());
        assertTrue(c.topPressure().violated(), c.topPressure().toString());
    }

    @Test
    void wornPumpAndBurnerCapacityAreEquipmentLimits() {
        CduConstraints pump = pushed(CduFixtures.quiet().withEquipment(new EquipmentCondition(0.05, 0, 0.6)));
        assertEquals(List.of("feed_pump_capacity"), violated(pump));
        assertEquals(87_600, pump.feedPumpCapacity().limit(), 1);
        CduConstraints furnace = pushed(CduFixtures.quiet()
                .withSetpoints(Setpoints.nominal().withCoilOutletTemp(385).withFeedRate(115_000)));
        assertTrue(furnace.furnaceFiring().violated(), furnace.furnaceFiring().toString());
    }

    @Test
    void setpointsOutsideTheirRangesAreRejectedOrClamped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Setpoints.nominal().withCoilOutletTemp(400));
        assertTrue(e.getMessage().contains("coil_outlet_temp"), e.getMessage());
        assertEquals(385, Setpoints.clamped(400, 1e6, 0, 0, 0, 0).coilOutletTemp());
        assertEquals(115_000, Setpoints.clamped(400, 1e6, 0, 0, 0, 0).feedRate());
    }
}
