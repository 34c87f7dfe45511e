package org.dang.engine.llm.backend;

import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.LlmSetupException;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.llm.fallback.Backend;
import org.dang.engine.llm.fallback.CircuitBreaker;
import org.dang.engine.llm.fallback.FallbackChatModel;
import org.dang.engine.llm.local.LocalChatModel;
import org.dang.engine.llm.openai.OpenAiChatModel;
import org.dang.engine.llm.sagemaker.SageMakerChatModel;

/**
 * Builds the chat model the configuration asks for: one backend per kind in
 * {@link LlmConfig#order()}, each from the factory registered for its kind, wrapped in a
 * {@link FallbackChatModel} with the configured timeouts and circuit breakers. A new kind is one
 * {@link #with} call.
 */
public final class ChatModelFactory {

    private final Map<String, BackendFactory> kinds;
    private final InstantSource clock;

    private ChatModelFactory(Map<String, BackendFactory> kinds, InstantSource clock) {
        this.kinds = Map.copyOf(kinds);
        this.clock = clock;
    }

    /** The backends in this build: openai, sagemaker and local. */
    public static ChatModelFactory standard() {
        Map<String, BackendFactory> k = new LinkedHashMap<>();
        k.put("openai", ChatModelFactory::openai);
        k.put("sagemaker", SageMakerChatModel::fromConfig);
        k.put("local", LocalChatModel::fromConfig);
        return new ChatModelFactory(k, InstantSource.system());
    }

    /** The same factory with {@code kind} built by {@code factory} (added or replaced). */
    public ChatModelFactory with(String kind, BackendFactory factory) {
        Map<String, BackendFactory> k = new LinkedHashMap<>(kinds);
        k.put(kind, factory);
        return new ChatModelFactory(k, clock);
    }

    /** The same factory with another clock for the circuit breakers (tests). */
    public ChatModelFactory withClock(InstantSource other) {
        return new ChatModelFactory(kinds, other);
    }

    /**
     * The ladder for {@code config}: every backend in its order that could be built; a problem line for
     * each that could not. Never throws for configuration problems.
     */
    public LlmSetup create(LlmConfig config) {
        List<Backend> ladder = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String kind : config.order()) {
            BackendFactory f = kinds.get(kind);
            if (f == null) {
                problems.add(kind + ": no such backend in this build (known: " + String.join(", ", kinds.keySet()) + ")");
                continue;
            }
            try {
                ladder.add(new Backend(f.create(config), config.timeout(kind),
                        new CircuitBreaker(config.circuitBreaker().failures(), config.circuitBreaker().coolDown(), clock)));
            } catch (LlmSetupException e) {
                problems.add(kind + ": " + e.getMessage());
            }
        }
        return new LlmSetup(ladder.isEmpty() ? Optional.empty() : Optional.of(new FallbackChatModel(ladder)), problems);
    }

    /** A request for one question with the configured sampling and budgets. */
    public static ChatRequest request(LlmConfig config, Optional<String> instructions,
                                      List<org.dang.engine.llm.ChatMessage> conversation) {
        return new ChatRequest(instructions, conversation,
                new Sampling(config.temperature(), config.topP(), config.seed()),
                new TokenBudget(config.thinkingBudget(), config.answerBudget(), config.maxTokens()));
    }

    private static ChatModel openai(LlmConfig config) {
        OpenAiBackendConfig o = config.openai();
        String url = o.url().orElseThrow(() -> new LlmSetupException("orchestrator.llm.openai.url is empty"));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new LlmSetupException("orchestrator.llm.openai.url \"" + url + "\" is not a URL: " + e.getMessage());
        }
        Optional<String> token = Optional.empty();
        if (o.apiKeyEnv().isPresent()) {
            String value = System.getenv(o.apiKeyEnv().get());
            if (value == null || value.isBlank()) {
                throw new LlmSetupException("orchestrator.llm.openai.api_key_env names " + o.apiKeyEnv().get()
                        + ", but that environment variable is not set");
            }
            token = Optional.of(value.strip());
        }
        return new OpenAiChatModel(uri, o.model().orElse(config.model()), token, o.timeout());
    }
}
