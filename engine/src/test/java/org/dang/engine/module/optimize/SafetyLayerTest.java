package org.dang.engine.module.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.env.EnvSettings;
import org.dang.engine.module.optimize.env.Rollout;
import org.dang.engine.module.optimize.env.StepResult;
import org.dang.engine.module.optimize.policy.Policy;
import org.dang.engine.module.optimize.safety.ApprovedMove;
import org.dang.engine.module.optimize.safety.SafeMove;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.module.optimize.safety.SafetyLimits;
import org.dang.engine.module.optimize.safety.SafetyVerdict;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.Crude;
import org.dang.engine.plant.sim.EquipmentCondition;
import org.dang.engine.plant.sim.Prices;
import org.dang.engine.plant.sim.Setpoints;
import org.dang.engine.plant.sim.SimulatorSource;

/** The safety layer against adversarial policies: nothing they output reaches the unit unchecked. */
class SafetyLayerTest {

    private final SafetyLayer safety = SafetyLayer.defaults();
    private final CduSteadyStateModel model = new CduSteadyStateModel();
    /** A fouled furnace on light crude: pushing COT and charge runs into the tube and column limits. */
    private final CduConditions fouled = CduConditions.of(CduConfig.SAMPLE_START, Crude.lightSweet(),
            new EquipmentCondition(0.45, 0.1, 0.1), 24, Prices.eia2019());

    @Test
    void malformedProposalsAreRefusedWithTheReason() {
        Setpoints sp = Setpoints.nominal();
        var wrongLength = assertInstanceOf(SafetyVerdict.Refused.class, safety.check(fouled, sp, new double[3]));
        assertTrue(wrongLength.reason().contains("3 values"), wrongLength.reason());
        double[] nan = {0.5, Double.NaN, 0.5, 0.5, 0.5, 0.5};
        var r = assertInstanceOf(SafetyVerdict.Refused.class, safety.check(fouled, sp, nan));
        assertTrue(r.reason().contains("feed_rate is NaN"), r.reason());
        assertEquals(sp, r.setpoints());
        assertInstanceOf(SafetyVerdict.Refused.class, safety.check(fouled, sp, (double[]) null));
    }

    @Test
    void extremeProposalsAreClippedAndRateLimited() {
        Setpoints sp = Setpoints.nominal();
        double[] wild = {Double.POSITIVE_INFINITY, -1e300, 7, -3, 1e9, Double.NEGATIVE_INFINITY};
        SafetyVerdict v = safety.check(fouled, sp, wild);
        Setpoints to = v.setpoints();
        assertTrue(Math.abs(to.coilOutletTemp() - sp.coilOutletTemp()) <= 4 + 1e-9, to.toString());
        assertTrue(Math.abs(to.feedRate() - sp.feedRate()) <= 4000 + 1e-6, to.toString());
        assertTrue(Math.abs(to.refluxRatio() - sp.refluxRatio()) <= 0.15 + 1e-9, to.toString());
        assertTrue(Math.abs(to.strippingSteam() - sp.strippingSteam()) <= 0.6 + 1e-9, to.toString());
        assertTrue(Math.abs(to.keroDrawTemp() - sp.keroDrawTemp()) <= 4 + 1e-9, to.toString());
        assertTrue(Math.abs(to.dieselDrawTemp() - sp.dieselDrawTemp()) <= 4 + 1e-9, to.toString());
        if (v instanceof SafetyVerdict.Accepted a) {
            assertTrue(a.move().adjustments().stream().anyMatch(n -> n.contains("clipped to its range")));
            assertTrue(a.move().adjustments().stream().anyMatch(n -> n.contains("move limited")));
        }
        assertSafe(fouled, to);
    }

    @Test
    void aMoveIntoAHardLimitIsProjectedBackInside() {
        // Walk towards maximum COT and charge: at some decision the step would cross a limit.
        Setpoints sp = Setpoints.nominal();
        boolean reshaped = false;
        for (int i = 0; i < 12; i++) {
            SafetyVerdict v = safety.check(fouled, sp, new double[] {1, 1, 0.5, 0.5, 0.5, 1});
            assertSafe(fouled, v.setpoints());
            if (v instanceof SafetyVerdict.Accepted a && !a.move().adjustments().stream()
                    .filter(n -> n.startsWith("projected") || n.startsWith("shortened")).toList().isEmpty()) {
                reshaped = true;
            }
            sp = v.setpoints();
        }
        assertTrue(reshaped, "the walk never met a constraint; the test situation is too easy");
    }

    @Test
    void fromAnUnsafePointOnlyAMoveThatReducesTheExcessIsAccepted() {
        // A disturbance left the unit beyond the diesel 95 % limit: holding is not safe.
        Setpoints hot = new Setpoints(385, 100_000, 1.5, 10, 200, 320);
        double before = limits().excess(model.predict(fouled, hot).constraints().dieselT95());
        assertTrue(before > 0);
        var v = assertInstanceOf(SafetyVerdict.Accepted.class, safety.check(fouled, hot, SetpointSpace.toUnit(hot)));
        double after = limits().excess(v.move().predicted().constraints().dieselT95());
        assertTrue(after < before, "excess " + before + " -> " + after);
        assertFalse(v.move().adjustments().isEmpty());
    }

    @Test
    void aMoveBeyondALimitIsReshapedToSafetyOrRefusedNamingTheConstraint() {
        SafetyLayer strict = new SafetyLayer(model, new SafetyLimits(5, 0.01, 0.05, 0.5, 1, 500, 3),
                new org.dang.engine.module.optimize.safety.MoveLimits(4, 4000, 0.15, 0.6, 4, 4));
        CduConditions clean = CduConditions.of(CduConfig.SAMPLE_START, Crude.mediumSour(), EquipmentCondition.clean(),
                20, Prices.eia2019());
        // Put the unit exactly on the diesel 95 % back-off, then ask only for more diesel draw (which raises it).
        Setpoints sp = Setpoints.nominal();
        double lo = 290;
        double hi = 320;
        for (int i = 0; i < 60; i++) {
            double m = (lo + hi) / 2;
            if (limits().excess(model.predict(clean, sp.withDieselDrawTemp(m).withCoilOutletTemp(370))
                    .constraints().dieselT95()) <= 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        Setpoints edge = sp.withDieselDrawTemp(lo).withCoilOutletTemp(370);
        double[] more = SetpointSpace.toUnit(edge);
        more[5] = 1;
        SafetyVerdict v = strict.check(clean, edge, more);
        if (v instanceof SafetyVerdict.Accepted a) {
            // The layer may trade one setpoint against another, but only to a point that keeps every limit.
            assertFalse(a.move().adjustments().isEmpty(), a.move().toString());
            assertSafe(clean, a.move().to());
        } else {
            var r = (SafetyVerdict.Refused) v;
            assertTrue(r.reason().contains("diesel_t95"), r.reason());
            assertEquals(edge, r.setpoints());
        }
    }

    @Test
    void randomAndGreedyAdversariesNeverViolateAHardConstraint() {
        CduOptimizationEnv env = new CduOptimizationEnv(new EnvSettings(6, 20), safety);
        SplittableRandom r = new SplittableRandom(99);
        Policy random = o -> {
            double[] a = new double[6];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextDouble(-2, 3);
            }
            return a;
        };
        Policy greedy = o -> new double[] {1e6, 1e6, 0, 0, 1e6, 1e6};
        for (Policy p : new Policy[] {random, greedy}) {
            for (long seed = 1; seed <= 3; seed++) {
                Rollout out = Rollout.play(env, p, seed);
                assertEquals(0, out.violationMinutes(), "violations " + out.violated() + " in episode " + seed);
            }
        }
    }

    @Test
    void everyStepOfTheEnvironmentPassesTheSafetyLayer() {
        CduOptimizationEnv env = new CduOptimizationEnv(new EnvSettings(3, 10), safety);
        env.reset(5);
        Setpoints before = env.setpoints();
        StepResult s = env.step(new double[] {1, 1, 1, 1, 1, 1});
        assertTrue(Math.abs(env.setpoints().coilOutletTemp() - before.coilOutletTemp()) <= 4 + 1e-9);
        assertEquals(s.verdict().setpoints(), env.setpoints());
    }

    @Test
    void thePlantOnlyAcceptsMovesTheSafetyLayerMade() {
        for (Class<?> c : new Class<?>[] {SafeMove.class, ApprovedMove.class}) {
            assertTrue(Modifier.isFinal(c.getModifiers()), c + " must be final");
            assertTrue(Arrays.stream(c.getDeclaredConstructors()).noneMatch(k -> Modifier.isPublic(k.getModifiers())
                    || Modifier.isProtected(k.getModifiers())), c + " must have no public constructor");
        }
        // The simulator source's only public setpoint input takes an ApprovedMove.
        assertFalse(Arrays.stream(SimulatorSource.class.getMethods()).anyMatch(m -> Arrays.asList(
                m.getParameterTypes()).contains(Setpoints.class)), "SimulatorSource has a public raw-setpoint input");
    }

    private static SafetyLimits limits() {
        return SafetyLimits.defaults();
    }

    private void assertSafe(CduConditions c, Setpoints sp) {
        for (var k : model.predict(c, sp).constraints().all()) {
            assertTrue(limits().excess(k) <= 1e-9, k + " beyond its backed-off limit at " + sp);
        }
    }
}
