package org.dang.engine.config;

import java.nio.file.Path;

/** The whole engine configuration, as read from YAML (see docs/configuration.md). */
public record DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules,
                         DecisionEngineConfig decisionEngine, StoreConfig store, ServerConfig server,
                         AdvisorConfig advisor, ConsoleConfig console) {

    /** A configuration with the default {@code server:}, {@code advisor:} and {@code console:} sections. */
    public DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules, DecisionEngineConfig decisionEngine,
                      StoreConfig store) {
        this(orchestrator, modules, decisionEngine, store, ServerConfig.defaults());
    }

    /** A configuration with the default {@code advisor:} and {@code console:} sections. */
    public DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules, DecisionEngineConfig decisionEngine,
                      StoreConfig store, ServerConfig server) {
        this(orchestrator, modules, decisionEngine, store, server, AdvisorConfig.defaults());
    }

    /** A configuration with the default {@code console:} section (the console's own embedded engine). */
    public DangConfig(OrchestratorConfig orchestrator, ModulesConfig modules, DecisionEngineConfig decisionEngine,
                      StoreConfig store, ServerConfig server, AdvisorConfig advisor) {
        this(orchestrator, modules, decisionEngine, store, server, advisor, ConsoleConfig.defaults());
    }

    /** The same configuration with the decision store at {@code path}. */
    public DangConfig withStore(Path path) {
        return new DangConfig(orchestrator, modules, decisionEngine, new StoreConfig(path), server, advisor, console);
    }

    /** The same configuration with other server settings. */
    public DangConfig withServer(ServerConfig newServer) {
        return new DangConfig(orchestrator, modules, decisionEngine, store, newServer, advisor, console);
    }

    /** The same configuration with other advisor settings. */
    public DangConfig withAdvisor(AdvisorConfig newAdvisor) {
        return new DangConfig(orchestrator, modules, decisionEngine, store, server, newAdvisor, console);
    }

    /** The same configuration with other console settings. */
    public DangConfig withConsole(ConsoleConfig newConsole) {
        return new DangConfig(orchestrator, modules, decisionEngine, store, server, advisor, newConsole);
    }

    /** The built-in defaults, identical to the shipped default-config.yaml. */
    public static DangConfig defaults() {
        return new DangConfig(OrchestratorConfig.defaults(), ModulesConfig.defaults(),
                DecisionEngineConfig.defaults(), StoreConfig.defaults(), ServerConfig.defaults(),
                AdvisorConfig.defaults(), ConsoleConfig.defaults());
    }
}
