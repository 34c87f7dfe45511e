package org.dang.engine.module.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.RunContext;
import org.dang.engine.module.optimize.oracle.SteadyStateOracle;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.module.optimize.safety.ApprovedMove;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.module.optimize.safety.SafetyLimits;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.CduState;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.EquipmentCondition;
import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionStore;

/** The module proposes and never acts; approvals are re-checked, applied and audited; the oracle beats holding. */
class OptimizationModuleTest {

    @TempDir
    Path dir;

    private DecisionStore store;
    private TestPlant plant;

    /** A simulator behind the SetpointPlant interface, stepped by the test. */
    static final class TestPlant implements SetpointPlant {
        final CduSimulator sim = new CduSimulator(CduConfig.defaults(11).withEquipment(
                new EquipmentCondition(0.2, 0.1, 0.1)));
        ApprovedMove applied;

        @Override
        public CduState state() {
            return sim.state();
        }

        @Override
        public CduConditions conditions() {
            return sim.conditions();
        }

        @Override
        public void apply(ApprovedMove move) {
            applied = move;
            sim.apply(move.setpoints());
        }

        @Override
        public String name() {
            return "test simulator";
        }
    }

    private static final RunContext CONTEXT = new RunContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    @BeforeEach
    void open() {
        store = DecisionStore.open(dir.resolve("decisions"));
        plant = new TestPlant();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OptimizationModule module() {
        return new OptimizationModule(plant, new PolicyStore(dir.resolve("policies")), List.of("trained_policy_v2"));
    }

    @Test
    void proposesWithoutMovingThePlant() throws Exception {
        var before = plant.sim.setpoints();
        OptimizationProposal p = module().run(OptimizationRequest.standard(), CONTEXT);
        assertEquals(before, plant.sim.setpoints());
        assertEquals(6, p.moves().size());
        assertEquals(7, p.constraints().size());
        assertTrue(p.confidence() >= 0 && p.confidence() <= 1);
        assertFalse(p.changes().isEmpty(), p.summary());
        assertTrue(p.constraints().stream().allMatch(c -> c.marginAfter() > 0), p.constraints().toString());
        assertTrue(p.summary().contains("trained_policy_v2"), p.summary());
    }

    @Test
    void aPolicyOutsideTheConfiguredModelsIsRefused() {
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> module().run(
                new OptimizationRequest("trained_policy_v1", false, "margin"), CONTEXT));
        assertTrue(f.getMessage().contains("modules.optimization.models"), f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OptimizationRequest.fromParameters(Map.of("boost", 1)));
        assertTrue(OptimizationRequest.fromParameters(Map.of("constraints", "tightened")).tightened());
    }

    @Test
    void approvalAppliesOnlyTheSelectedRowsAndIsAudited() throws Exception {
        OptimizationProposal p = module().run(OptimizationRequest.standard(), CONTEXT);
        AuditedActions actions = new AuditedActions(store, InstantSource.system());
        SetpointApprovals approvals = new SetpointApprovals(plant, SafetyLayer.defaults(), actions,
                InstantSource.system());
        String first = p.changes().getFirst().setpoint();
        User viewer = new User("v.jones", Role.VIEWER, "test");
        assertThrows(AccessDeniedException.class, () -> approvals.approve(viewer, p, Set.of(first)));
        assertEquals(null, plant.applied);

        String detail = approvals.approve(new User("op.lee", Role.OPERATOR, "test"), p, Set.of(first));
        assertTrue(detail.startsWith("applied " + first), detail);
        assertEquals(List.of(SetpointSpace.names().indexOf(first)), plant.applied.move().changed());
        assertEquals("op.lee", plant.applied.approver());
        approvals.reject(new User("op.lee", Role.OPERATOR, "test"), p, "waiting for the lab result");

        List<AuditEvent> audit = store.auditTrail(10);
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("approve_setpoint") && a.result().equals("DENIED")));
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("approve_setpoint") && a.result().equals("OK")
                && a.detail().contains(first)));
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("reject_setpoint")
                && a.detail().contains("waiting for the lab result")));
        assertThrows(IllegalArgumentException.class, () -> approvals.approve(new User("op.lee", Role.OPERATOR, ""),
                p, Set.of("boiler_pressure")));
    }

    @Test
    void theOracleFindsMoreMarginThanHoldingAndKeepsTheLimits() {
        CduSteadyStateModel model = new CduSteadyStateModel();
        SafetyLimits limits = SafetyLimits.defaults();
        CduConditions c = plant.conditions();
        var held = model.predict(c, plant.sim.setpoints());
        var best = new SteadyStateOracle(model, limits, 1).optimise(c, plant.sim.setpoints()).best();
        assertTrue(best.marginRate() > held.marginRate() + 100, best.marginRate() + " vs " + held.marginRate());
        best.constraints().all().forEach(k -> assertTrue(limits.excess(k) <= 1e-9, k.toString()));
        assertNotEquals(plant.sim.setpoints(), best.setpoints());
    }
}
