package org.dang.engine.module.optimize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;
import org.dang.engine.module.optimize.env.Observation;
import org.dang.engine.module.optimize.env.ObservationBuilder;
import org.dang.engine.module.optimize.policy.PolicyArtifact;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.module.optimize.safety.MoveLimits;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.module.optimize.safety.SafetyLimits;
import org.dang.engine.module.optimize.safety.SafetyVerdict;
import org.dang.engine.plant.sim.CduConditions;
import org.dang.engine.plant.sim.CduState;
import org.dang.engine.plant.sim.CduSteadyStateModel;
import org.dang.engine.plant.sim.Constraint;
import org.dang.engine.plant.sim.OperatingPoint;
import org.dang.engine.plant.sim.Setpoints;

/**
 * The optimisation module: asks the trained policy for its next move on the live unit, passes it
 * through the safety layer and returns it as a proposal with the expected margin gain, every hard
 * constraint before and after, and a confidence. It never moves the plant; approvals do
 * ({@link SetpointApprovals}).
 */
public final class OptimizationModule implements PlantModule<OptimizationRequest, OptimizationProposal> {

    private final SetpointPlant plant;
    private final PolicyStore policies;
    private final List<String> allowed;
    /** The policy name a proposal from an operator's own target carries. */
    public static final String OPERATOR_TARGET = "operator target";

    private final CduSteadyStateModel model = new CduSteadyStateModel();
    private final Map<String, PolicyArtifact> loaded = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * A module proposing for {@code plant} with policies from {@code policies}; {@code allowed} are
     * the policy names the configuration permits (modules.optimization.models), the first the default.
     */
    public OptimizationModule(SetpointPlant plant, PolicyStore policies, List<String> allowed) {
        this.plant = Objects.requireNonNull(plant, "plant");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.allowed = List.copyOf(allowed);
        if (this.allowed.isEmpty()) {
            throw new IllegalArgumentException("modules.optimization.models names no policy");
        }
    }

    @Override
    public ModuleName name() {
        return ModuleName.OPTIMIZATION;
    }

    @Override
    public Class<OptimizationRequest> requestType() {
        return OptimizationRequest.class;
    }

    @Override
    public OptimizationProposal run(OptimizationRequest request, RunContext context) throws ModuleFailure {
        SetpointTarget target = request.target();
        String name = target != null ? OPERATOR_TARGET : request.policy().isEmpty() ? allowed.getFirst() : request.policy();
        if (target == null && !allowed.contains(name)) {
            throw new ModuleFailure("policy " + name + " is not among modules.optimization.models " + allowed, false);
        }
        context.progress(0.1, "loading " + name);
        PolicyArtifact artifact = target == null ? policy(name) : null;
        context.checkCancelled();
        CduState state = plant.state();
        CduConditions now = plant.conditions();
        if (state == null || now == null) {
            throw new ModuleFailure("the plant " + plant.name() + " has no state yet", true);
        }
        context.progress(0.4, target == null ? "asking the policy" : "moving " + target.setpoint() + " to its target");
        Observation obs = ObservationBuilder.of(state, now);
        double[] action;
        if (target == null) {
            action = artifact.policy().act(obs);
        } else {
            // The operator's target for one setpoint, the others where they are; the safety layer checks it as any move.
            action = SetpointSpace.toUnit(state.setpoints());
            var r = SetpointSpace.ranges().get(target.index());
            action[target.index()] = (target.value() - r.min()) / (r.max() - r.min());
        }
        SafetyLayer safety = request.tightened()
                ? new SafetyLayer(model, doubled(SafetyLimits.defaults()), MoveLimits.defaults())
                : SafetyLayer.defaults();
        context.progress(0.6, "checking the move with the safety layer");
        Setpoints current = state.setpoints();
        SafetyVerdict verdict = safety.check(now, current, action);
        OperatingPoint before = model.predict(now, current);
        OperatingPoint after = model.predict(now, verdict.setpoints());
        context.progress(0.9, "building the proposal");
        List<ProposedMove> rows = new ArrayList<>();
        for (int i = 0; i < SetpointSpace.SIZE; i++) {
            var r = SetpointSpace.ranges().get(i);
            rows.add(new ProposedMove(r.name(), r.unit(), SetpointSpace.value(current, i),
                    SetpointSpace.value(verdict.setpoints(), i)));
        }
        List<ConstraintMargin> margins = new ArrayList<>();
        var b = before.constraints().all();
        var a = after.constraints().all();
        for (int i = 0; i < b.size(); i++) {
            Constraint c = a.get(i);
            margins.add(new ConstraintMargin(c.name(), c.unit(), c.limit(), c.bound() == Constraint.Bound.MAX,
                    b.get(i).value(), c.value()));
        }
        boolean refused = verdict instanceof SafetyVerdict.Refused;
        List<String> notes = switch (verdict) {
            case SafetyVerdict.Accepted acc -> acc.move().adjustments();
            case SafetyVerdict.Refused ref -> List.of(ref.reason());
        };
        // An operator's target is theirs to judge: confidence only says whether the safety layer reshaped it.
        double confidence = target == null ? confidence(obs, notes, refused)
                : refused ? 0 : notes.isEmpty() ? 1 : 0.8;
        return new OptimizationProposal("opt-" + now.time().getEpochSecond() + "-" + ids.incrementAndGet(),
                target == null ? artifact.name() : name + " " + target.setpoint() + " " + target.value(),
                target == null ? artifact.hash() : "", now.time(), rows, before.margin(), after.margin(),
                before.marginRate(), after.marginRate(), margins, confidence, notes, refused, request.tightened());
    }

    private PolicyArtifact policy(String name) throws ModuleFailure {
        PolicyArtifact a = loaded.get(name);
        if (a != null) {
            return a;
        }
        try {
            a = policies.load(name);
        } catch (IOException e) {
            throw new ModuleFailure(e.getMessage(), false, e);
        }
        loaded.put(name, a);
        return a;
    }

    /**
     * How far to trust the proposal, 0..1: high when the unit looks like the training episodes
     * (every feature within the range the policy was trained on) and the safety layer did not have
     * to reshape the move; lower for each feature outside that range and for projected or shortened
     * moves; 0 when refused.
     */
    static double confidence(Observation obs, List<String> notes, boolean refused) {
        if (refused) {
            return 0;
        }
        double[] f = obs.features();
        int outside = 0;
        for (double x : f) {
            if (Math.abs(x) > 1.5) {
                outside++;
            }
        }
        double c = 0.95 * Math.pow(0.8, outside);
        for (String n : notes) {
            if (n.startsWith("projected") || n.startsWith("shortened") || n.startsWith("recovery")) {
                c *= 0.8;
            }
        }
        return Math.max(0, Math.min(1, c));
    }

    private static SafetyLimits doubled(SafetyLimits l) {
        return new SafetyLimits(2 * l.tmtBackoff(), 2 * l.floodingBackoff(), 2 * l.pressureBackoff(),
                2 * l.flashBackoff(), 2 * l.t95Backoff(), 2 * l.pumpBackoff(), 2 * l.firingBackoff());
    }
}
