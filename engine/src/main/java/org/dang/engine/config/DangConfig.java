package org.dang.engine.config;

import java.nio.file.Path;

/** The whole engine configuration, as read from YAML (see docs/configuration.md). */
public record DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules,
                         DecisionEngineConfig decisionEngine, StoreConfig store, ServerConfig server,
                         AdvisorConfig advisor) {

    /** A configuration with the default {@code advisor:} section. */
    public DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules, DecisionEngineConfig decisionEngine,
                      StoreConfig store, ServerConfig server) {
        this(orchestrator, modules, decisionEngine, store, server, AdvisorConfig.defaults());
    }

    /** A configuration with the default {@code server:} section. */
    public DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules, DecisionEngineConfig decisionEngine,
                      StoreConfig store) {
        this(orchestrator, modules, decisionEngine, store, ServerConfig.defaults());
    }

    /** The same configuration with the decision store at {@code path}. */
    public DangConfig withStore(Path path) {
        return new DangConfig(orchestrator, modules, decisionEngine, new StoreConfig(path), server, advisor);
    }

    /** The same configuration with other server settings. */
    public DangConfig withServer(ServerConfig newServer) {
        return new DangConfig(orchestrator, modules, decisionEngine, store, newServer, advisor);
    }

    /** The same configuration with other advisor settings. */
    public DangConfig withAdvisor(AdvisorConfig newAdvisor) {
        return new DangConfig(orchestrator, modules, decisionEngine, store, server, newAdvisor);
    }

    /** The built-in defaults, identical to the shipped default-config.yaml. */
    public static DangConfig defaults() {
        return new DangConfig(OrchestratorConfig.defaults(), ModulesConfig.defaults(),
                DecisionEngineConfig.defaults(), StoreConfig.defaults(), ServerConfig.defaults(),
                AdvisorConfig.defaults());
    }
}
