package org.dang.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.dang.engine.module.ModuleName;

/**
 * Maps a config document's sections to {@link DangConfig}. Every key is optional and falls back to
 * the records' {@code defaults()}; the allowed keys and ranges of docs/configuration.md live here.
 */
final class ConfigMapper {

    private static final List<String> TOP_KEYS = List.of("orchestrator", "modules", "decision_engine", "store", "server",
            "advisor", "console");
    private static final List<String> ORCHESTRATOR_KEYS = List.of("llm");
    private static final List<String> LLM_KEYS = List.of("model", "sagemaker_endpoint", "hf_model_path", "temperature",
            "top_p", "max_tokens", "backends", "thinking_budget", "answer_budget", "seed", "openai", "sagemaker", "local",
            "circuit_breaker");
    private static final List<String> OPENAI_KEYS = List.of("url", "model", "api_key_env", "timeout");
    private static final List<String> SAGEMAKER_KEYS =
            List.of("region", "endpoint_url", "format", "streaming", "timeout", "max_attempts");
    private static final List<String> LOCAL_KEYS = List.of("device", "dtype", "timeout");
    private static final List<String> BREAKER_KEYS = List.of("failures", "cool_down");
    private static final List<String> MODULES_KEYS = Arrays.stream(ModuleName.values()).map(ModuleName::key).toList();
    private static final List<String> MODULE_KEYS =
            List.of("enabled", "timeout", "models", "rl_training", "queue_capacity", "workers", "required_tags");
    private static final List<String> DECISION_ENGINE_KEYS =
            List.of("confidence_threshold", "max_retries", "retry_backoff", "cache_ttl", "rules");
    private static final List<String> RULES_KEYS = List.of("efficiency_margin_pct", "market_sigma", "inventory_sigma",
            "margin_shift_pct", "window_lead", "forecast_ttl", "input_move_pct", "flatline_samples");
    private static final List<String> STORE_KEYS = List.of("path");
    private static final List<String> SERVER_KEYS = List.of("bind", "port", "tls", "token_file", "max_body_bytes",
            "rate_limit", "rate_burst", "request_timeout", "max_connections");
    private static final List<String> ADVISOR_KEYS = List.of("enabled", "deadline", "max_pending");
    private static final List<String> TLS_KEYS = List.of("keystore", "password_file");
    private static final List<String> CONSOLE_KEYS =
            List.of("engine_url", "token_file", "truststore", "truststore_password_file");

    private ConfigMapper() {
    }

    /**
     * The configuration a document describes; problems are added to {@code problems}, and the result
     * is only meaningful when none were.
     *
     * @param home    what {@code ~} stands for in paths
     * @param baseDir what relative paths are relative to: the config file's folder
     */
    static DangConfig map(Optional<YamlNode> document, Path home, Path baseDir, List<ConfigProblem> problems) {
        ConfigSection root = ConfigSection.root(document, TOP_KEYS, problems);
        return new DangConfig(
                orchestrator(root.section("orchestrator", ORCHESTRATOR_KEYS)),
                modules(root.section("modules", MODULES_KEYS)),
                decisionEngine(root.section("decision_engine", DECISION_ENGINE_KEYS)),
                store(root.section("store", STORE_KEYS), home, baseDir),
                server(root.section("server", SERVER_KEYS), home, baseDir),
                advisor(root.section("advisor", ADVISOR_KEYS)),
                console(root.section("console", CONSOLE_KEYS), home, baseDir));
    }

    private static OrchestratorConfig orchestrator(ConfigSection section) {
        return new OrchestratorConfig(llm(section.section("llm", LLM_KEYS)));
    }

    private static LlmConfig llm(ConfigSection s) {
        LlmConfig d = LlmConfig.defaults();
        LlmConfig c = new LlmConfig(
                s.text("model", d.model()),
                s.optionalText("sagemaker_endpoint"),
                s.optionalText("hf_model_path"),
                s.number("temperature", d.temperature(), 0, 2),
                s.positiveNumber("top_p", d.topP(), 1),
                s.integer("max_tokens", d.maxTokens(), 1, 131_072),
                s.choiceList("backends", d.backends(), LlmConfig.BACKEND_KINDS),
                s.integer("thinking_budget", d.thinkingBudget(), 1, 131_072),
                s.integer("answer_budget", d.answerBudget(), 1, 131_072),
                s.optionalLong("seed", 0, Long.MAX_VALUE),
                openai(s.section("openai", OPENAI_KEYS)),
                sagemaker(s.section("sagemaker", SAGEMAKER_KEYS)),
                local(s.section("local", LOCAL_KEYS)),
                breaker(s.section("circuit_breaker", BREAKER_KEYS)));
        for (String kind : c.backends()) {
            if (!c.configured(kind)) {
                s.problemAt("backends", "lists " + kind + " but " + switch (kind) {
                    case "local" -> "orchestrator.llm.hf_model_path";
                    case "sagemaker" -> "orchestrator.llm.sagemaker_endpoint";
                    default -> "orchestrator.llm.openai.url";
                } + " is empty; set it, or remove " + kind + " from the list");
            }
        }
        return c;
    }

    private static OpenAiBackendConfig openai(ConfigSection s) {
        OpenAiBackendConfig d = OpenAiBackendConfig.defaults();
        Optional<String> url = s.optionalText("url");
        if (url.isPresent() && !url.get().matches("https?://[^\\s/]+.*")) {
            s.problemAt("url", "\"" + url.get() + "\" is not an http:// or https:// URL;"
                    + " write e.g. http://127.0.0.1:8000");
        }
        Optional<String> keyEnv = s.optionalText("api_key_env");
        if (keyEnv.isPresent() && !keyEnv.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            s.problemAt("api_key_env", "must be the name of an environment variable (letters, digits, _), not the key"
                    + " itself; e.g. DANG_LLM_API_KEY");
        }
        return new OpenAiBackendConfig(url, s.optionalText("model"), keyEnv,
                s.duration("timeout", d.timeout(), Duration.ofSeconds(1), Duration.ofHours(1)));
    }

    private static SageMakerBackendConfig sagemaker(ConfigSection s) {
        SageMakerBackendConfig d = SageMakerBackendConfig.defaults();
        Optional<String> url = s.optionalText("endpoint_url");
        if (url.isPresent() && !url.get().matches("https?://[^\\s/]+.*")) {
            s.problemAt("endpoint_url", "\"" + url.get() + "\" is not an http:// or https:// URL");
        }
        return new SageMakerBackendConfig(s.optionalText("region"), url,
                s.choice("format", d.format(), SageMakerBackendConfig.FORMATS),
                s.bool("streaming", d.streaming()),
                s.duration("timeout", d.timeout(), Duration.ofSeconds(1), Duration.ofHours(1)),
                s.integer("max_attempts", d.maxAttempts(), 1, 10));
    }

    private static LocalBackendConfig local(ConfigSection s) {
        LocalBackendConfig d = LocalBackendConfig.defaults();
        return new LocalBackendConfig(s.choice("device", d.device(), LocalBackendConfig.DEVICES),
                s.choice("dtype", d.dtype(), LocalBackendConfig.DTYPES),
                s.duration("timeout", d.timeout(), Duration.ofSeconds(1), Duration.ofHours(1)));
    }

    private static CircuitBreakerConfig breaker(ConfigSection s) {
        CircuitBreakerConfig d = CircuitBreakerConfig.defaults();
        return new CircuitBreakerConfig(s.integer("failures", d.failures(), 1, 100),
                s.duration("cool_down", d.coolDown(), Duration.ofSeconds(1), Duration.ofHours(24)));
    }

    private static ModulesConfig modules(ConfigSection section) {
        ModulesConfig d = ModulesConfig.defaults();
        return new ModulesConfig(
                module(section, ModuleName.FORECASTING, d),
                module(section, ModuleName.ANALYSIS, d),
                module(section, ModuleName.OPTIMIZATION, d));
    }

    private static ModuleConfig module(ConfigSection modules, ModuleName name, ModulesConfig defaults) {
        ConfigSection s = modules.section(name.key(), MODULE_KEYS);
        ModuleConfig d = defaults.of(name);
        return new ModuleConfig(
                s.bool("enabled", d.enabled()),
                s.duration("timeout", d.timeout(), Duration.ofSeconds(1), Duration.ofHours(24)),
                s.textList("models", d.models()),
                s.bool("rl_training", d.rlTraining()),
                s.integer("queue_capacity", d.queueCapacity(), 1, 1000),
                s.integer("workers", d.workers(), 1, 16),
                s.textList("required_tags", d.requiredTags()));
    }

    private static DecisionEngineConfig decisionEngine(ConfigSection s) {
        DecisionEngineConfig d = DecisionEngineConfig.defaults();
        return new DecisionEngineConfig(
                s.number("confidence_threshold", d.confidenceThreshold(), 0, 1),
                s.integer("max_retries", d.maxRetries(), 0, 10),
                s.duration("retry_backoff", d.retryBackoff(), Duration.ofMillis(1), Duration.ofMinutes(10)),
                s.duration("cache_ttl", d.cacheTtl(), Duration.ZERO, Duration.ofDays(7)),
                rules(s.section("rules", RULES_KEYS)));
    }

    private static RuleThresholds rules(ConfigSection s) {
        RuleThresholds d = RuleThresholds.defaults();
        return new RuleThresholds(
                s.positiveNumber("efficiency_margin_pct", d.efficiencyMarginPct(), 100),
                s.positiveNumber("market_sigma", d.marketSigma(), 20),
                s.positiveNumber("inventory_sigma", d.inventorySigma(), 20),
                s.positiveNumber("margin_shift_pct", d.marginShiftPct(), 100),
                s.duration("window_lead", d.windowLead(), Duration.ZERO, Duration.ofHours(24)),
                s.duration("forecast_ttl", d.forecastTtl(), Duration.ofMinutes(1), Duration.ofDays(30)),
                s.number("input_move_pct", d.inputMovePct(), 0, 100),
                s.integer("flatline_samples", d.flatlineSamples(), 2, 100_000));
    }

    private static AdvisorConfig advisor(ConfigSection s) {
        AdvisorConfig d = AdvisorConfig.defaults();
        return new AdvisorConfig(s.bool("enabled", d.enabled()),
                s.duration("deadline", d.deadline(), AdvisorConfig.MIN_DEADLINE, AdvisorConfig.MAX_DEADLINE),
                s.integer("max_pending", d.maxPending(), 1, AdvisorConfig.MAX_PENDING_LIMIT));
    }

    private static StoreConfig store(ConfigSection s, Path home, Path baseDir) {
        return new StoreConfig(s.path("path", StoreConfig.defaults().path(), home, baseDir));
    }

    private static ServerConfig server(ConfigSection s, Path home, Path baseDir) {
        ServerConfig d = ServerConfig.defaults();
        ConfigSection tlsSection = s.section("tls", TLS_KEYS);
        ServerConfig.TlsConfig tls = new ServerConfig.TlsConfig(tlsSection.optionalPath("keystore", home, baseDir),
                tlsSection.optionalPath("password_file", home, baseDir));
        ServerConfig c = new ServerConfig(
                s.text("bind", d.bind()),
                s.integer("port", d.port(), 0, 65_535),
                tls,
                s.path("token_file", d.tokenFile(), home, baseDir),
                s.integer("max_body_bytes", d.maxBodyBytes(), 1024, 64 << 20),
                s.positiveNumber("rate_limit", d.rateLimit(), 1_000_000),
                s.integer("rate_burst", d.rateBurst(), 1, 1_000_000),
                s.duration("request_timeout", d.requestTimeout(), Duration.ofSeconds(1), Duration.ofHours(1)),
                s.integer("max_connections", d.maxConnections(), 1, 100_000));
        // Refuse here too, so a bad file is reported with its line before anything starts listening.
        c.bindProblem().ifPresent(p -> s.reject("bind", p));
        return c;
    }

    private static ConsoleConfig console(ConfigSection s, Path home, Path baseDir) {
        Optional<java.net.URI> url = Optional.empty();
        Optional<String> text = s.optionalText("engine_url");
        if (text.isPresent()) {
            try {
                url = Optional.of(ConsoleConfig.engineUrl(text.get()));
            } catch (IllegalArgumentException e) {
                s.reject("engine_url", e.getMessage());
            }
        }
        return new ConsoleConfig(url, s.optionalPath("token_file", home, baseDir),
                s.optionalPath("truststore", home, baseDir), s.optionalPath("truststore_password_file", home, baseDir));
    }
}
