package org.dang.engine.module.optimize.env;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dang.engine.module.optimize.SetpointSpace;
import org.dang.engine.module.optimize.safety.ApprovedMove;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.module.optimize.safety.SafetyVerdict;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.CduState;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.CduTag;
import org.dang.engine.plant.sim.Constraint;
import org.dang.engine.plant.sim.OperatingPoint;
import org.dang.engine.plant.sim.Setpoints;

/**
 * A Gym-style environment over the CDU simulator. {@link #reset(long)} starts a randomised episode
 * (crude, fouling, prices, time of day, start setpoints); {@link #step(double[])} takes an action
 * (proposed setpoints in unit coordinates), passes it through the safety layer, applies what the
 * layer accepts and runs the unit for the decision interval. Every action goes through the safety
 * layer: there is no other way to move the simulator's setpoints from here. Not thread-safe.
 */
public final class CduOptimizationEnv {

    /** Version of the environment: observation, action, reward and episode distribution. */
    public static final String VERSION = "cdu-optimisation-env/1";

    private final EnvSettings settings;
    private final SafetyLayer safety;
    private final EpisodeSampler sampler;
    private final CduSteadyStateModel model = new CduSteadyStateModel();
    private CduSimulator sim;
    private EpisodeSetup setup;
    private int decision;

    /** An environment with these episode settings and safety layer. */
    public CduOptimizationEnv(EnvSettings settings, SafetyLayer safety) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.sampler = new EpisodeSampler(settings.length(), safety.limits());
    }

    /** The default episode shape and safety layer. */
    public static CduOptimizationEnv defaults() {
        return new CduOptimizationEnv(EnvSettings.defaults(), SafetyLayer.defaults());
    }

    /** Starts the episode of {@code seed} and returns the first observation. */
    public Observation reset(long seed) {
        setup = sampler.sample(seed);
        sim = new CduSimulator(setup.config(), setup.schedule());
        decision = 0;
        return ObservationBuilder.of(sim.state(), sim.conditions());
    }

    /** Takes one decision: {@code action} is the proposed setpoints in unit coordinates (any values). */
    public StepResult step(double[] action) {
        if (sim == null) {
            throw new IllegalStateException("call reset(seed) before step");
        }
        if (done()) {
            throw new IllegalStateException("the episode is over after " + settings.decisions() + " decisions");
        }
        long t0 = System.nanoTime();
        SafetyVerdict verdict = safety.check(sim.conditions(), sim.setpoints(), action);
        long checkNanos = System.nanoTime() - t0;
        if (verdict instanceof SafetyVerdict.Accepted a) {
            ApprovedMove m = a.move().approve("agent", sim.time());
            sim.apply(m.setpoints());
        }
        int violationMinutes = 0;
        Set<String> violated = new LinkedHashSet<>();
        for (int i = 0; i < settings.minutesPerDecision(); i++) {
            sim.step();
            List<Constraint> v = sim.constraints().violations();
            if (!v.isEmpty()) {
                violationMinutes++;
                v.forEach(c -> violated.add(c.name()));
            }
        }
        decision++;
        CduState s = sim.state();
        double reward = s.truth(CduTag.MARGIN) * s.truth(CduTag.FEED_RATE) / 24;
        return new StepResult(ObservationBuilder.of(s, sim.conditions()), reward, sim.constraints().all(), violationMinutes,
                new ArrayList<>(violated), verdict, done(), checkNanos);
    }

    /** The action that keeps every setpoint where it is. */
    public double[] holdAction() {
        return SetpointSpace.toUnit(sim.setpoints());
    }

    /** True after the last decision. */
    public boolean done() {
        return decision >= settings.decisions();
    }

    /** The present episode. */
    public EpisodeSetup setup() {
        return setup;
    }

    /** Episode shape. */
    public EnvSettings settings() {
        return settings;
    }

    /** Conditions in force now (what the steady-state model needs). */
    public CduConditions conditions() {
        return sim.conditions();
    }

    /** Setpoints in force now. */
    public Setpoints setpoints() {
        return sim.setpoints();
    }

    /** Plant time now. */
    public Instant time() {
        return sim.time();
    }

    /** Where the present setpoints lead under the present conditions (steady state, noise-free). */
    public OperatingPoint steadyState() {
        return model.predict(sim.conditions(), sim.setpoints());
    }

    /** The safety layer every action passes. */
    public SafetyLayer safety() {
        return safety;
    }
}
