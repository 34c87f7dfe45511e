package org.dang.engine.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code orchestrator.llm.openai:} an OpenAI-compatible server (vLLM, Ollama, llama.cpp server).
 *
 * @param url        base URL, e.g. http://127.0.0.1:8000 (the client adds /v1/chat/completions); empty when not used
 * @param model      model name the server knows; empty means {@code orchestrator.llm.model}
 * @param apiKeyEnv  name of the environment variable holding the bearer token; empty for none (never the token itself)
 * @param timeout    longest wait for the first token and between two tokens
 */
public record OpenAiBackendConfig(Optional<String> url, Optional<String> model, Optional<String> apiKeyEnv,
                                  Duration timeout) {

    /** Defaults: not used, 120 s timeout. */
    public static OpenAiBackendConfig defaults() {
        return new OpenAiBackendConfig(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(120));
    }
}
