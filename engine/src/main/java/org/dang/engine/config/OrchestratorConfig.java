package org.dang.engine.config;

/** {@code orchestrator:} section. */
public record OrchestratorConfig(LlmConfig llm) {
    /** Defaults. */
    public static OrchestratorConfig defaults() {
        return new OrchestratorConfig(LlmConfig.defaults());
    }
}
