package org.dang.engine.module.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.module.RunContext;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.plant.sim.Setpoints;

/** An operator's own setpoint target becomes a safety-checked proposal for that setpoint alone. */
class SetpointTargetTest {

    @TempDir
    Path dir;

    private static final RunContext CONTEXT = new RunContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    @Test
    void aTargetIsProposedForItsSetpointOnlyAndTheSafetyLayerShapesIt() throws Exception {
        var plant = new OptimizationModuleTest.TestPlant();
        Setpoints before = plant.sim.setpoints();
        var module = new OptimizationModule(plant, new PolicyStore(dir.resolve("policies")), List.of("trained_policy_v2"));
        double target = before.coilOutletTemp() + 3;
        OptimizationProposal p = module.run(OptimizationRequest.fromParameters(
                Map.of("setpoint", "coil_outlet_temp", "target", target)), CONTEXT);
        assertEquals(before, plant.sim.setpoints(), "a proposal never moves the plant");
        assertTrue(p.policy().startsWith(OptimizationModule.OPERATOR_TARGET + " coil_outlet_temp"), p.policy());
        assertTrue(p.changes().stream().allMatch(m -> m.setpoint().equals("coil_outlet_temp")), p.changes().toString());
        if (!p.refused()) {
            double proposed = p.changes().getFirst().proposed();
            assertTrue(proposed > before.coilOutletTemp() && proposed <= target + 1e-9, p.summary());
            // What the safety layer accepted now is what an approval re-checks.
            assertTrue(SafetyLayer.defaults().check(plant.conditions(), before,
                    before.withCoilOutletTemp(proposed)) instanceof org.dang.engine.module.optimize.safety.SafetyVerdict.Accepted);
        }
        assertEquals(p.refused() ? 0.0 : p.notes().isEmpty() ? 1.0 : 0.8, p.confidence());
    }

    @Test
    void aTargetOutsideItsRangeOrWithoutASetpointIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> OptimizationRequest.fromParameters(
                Map.of("setpoint", "coil_outlet_temp", "target", 500)));
        assertEquals("target: 500.0 of coil_outlet_temp is outside its range 330 to 385 degC", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationRequest.fromParameters(
                Map.of("target", 365)));
        assertTrue(e.getMessage().startsWith("setpoint and target go together"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SetpointTarget("valve_17", 1));
        assertTrue(e.getMessage().startsWith("setpoint: 'valve_17' is not a setpoint"), e.getMessage());
    }
}
