package org.dang.engine.module.optimize;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;

/**
 * A request for an optimisation proposal.
 *
 * @param policy      policy name, e.g. {@code trained_policy_v2}; empty for the first of the configured models
 * @param tightened   true for tightened constraints (twice the safety back-offs), after an abnormal event
 * @param objective   {@code margin} or {@code product_slate} (both maximise the margin rate; recorded for the audit)
 * @param target      an operator's own target for one setpoint, proposed instead of the policy's move; null for
 *                    the policy's
 */
public record OptimizationRequest(String policy, boolean tightened, String objective, SetpointTarget target)
        implements ModuleRequest {

    private static final Set<String> KEYS = Set.of("constraints", "objective", "window", "rl_policy", "setpoint",
            "target");

    /** A request for the policy's move. */
    public OptimizationRequest(String policy, boolean tightened, String objective) {
        this(policy, tightened, objective, null);
    }

    public OptimizationRequest {
        policy = Objects.requireNonNullElse(policy, "");
        objective = Objects.requireNonNullElse(objective, "margin");
        if (!objective.equals("margin") && !objective.equals("product_slate")) {
            throw new IllegalArgumentException("objective '" + objective + "' is not margin or product_slate");
        }
    }

    /** The configured policy, normal constraints, margin objective. */
    public static OptimizationRequest standard() {
        return new OptimizationRequest("", false, "margin");
    }

    /**
     * From a decision's parameters: {@code constraints} (normal | tightened), {@code objective}
     * (margin | product_slate), {@code rl_policy} (a policy name), {@code window} (recorded only),
     * {@code setpoint} with {@code target} (an operator's own target for one setpoint, both or neither).
     *
     * @throws IllegalArgumentException naming an unknown key or a bad value
     */
    public static OptimizationRequest fromParameters(Map<String, Object> p) {
        for (String k : p.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown optimisation parameter '" + k + "'; known: " + KEYS);
            }
        }
        String constraints = String.valueOf(p.getOrDefault("constraints", "normal"));
        if (!constraints.equals("normal") && !constraints.equals("tightened")) {
            throw new IllegalArgumentException("constraints '" + constraints + "' is not normal or tightened");
        }
        Object policy = p.getOrDefault("rl_policy", "");
        SetpointTarget target = null;
        if (p.containsKey("setpoint") || p.containsKey("target")) {
            if (!(p.get("setpoint") instanceof String name) || !(p.get("target") instanceof Number value)) {
                throw new IllegalArgumentException("setpoint and target go together: a setpoint name and a number, got "
                        + p.get("setpoint") + " and " + p.get("target"));
            }
            target = new SetpointTarget(name, value.doubleValue());
        }
        return new OptimizationRequest(String.valueOf(policy), constraints.equals("tightened"),
                String.valueOf(p.getOrDefault("objective", "margin")), target);
    }

    @Override
    public ModuleName module() {
        return ModuleName.OPTIMIZATION;
    }
}
