package org.dang.engine.config;

/** The whole engine configuration, as read from YAML (see docs/configuration.md). */
public record DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules,
                         DecisionEngineConfig decisionEngine, StoreConfig store) {

    /** The built-in defaults, identical to the shipped default-config.yaml. */
    public static DangConfig defaults() {
        return new DangConfig(OrchestratorConfig.defaults(), ModulesConfig.defaults(),
                DecisionEngineConfig.defaults(), StoreConfig.defaults());
    }
}
