package org.dang.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dang.engine.module.ModuleName;

/**
 * Writes a configuration as YAML in the seed's shape (the same keys {@link ConfigLoader} reads), so
 * settings changed in the console land in the user's config file.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    /** The YAML text of {@code c}; {@code ConfigLoader.parse} of it gives {@code c} back. */
    public static String yaml(DangConfig c) {
        StringBuilder b = new StringBuilder("# DAN_G configuration, written by the console's settings view.\n"
                + "# Every key is described in docs/configuration.md.\n");
        LlmConfig llm = c.orchestrator().llm();
        b.append("orchestrator:\n  llm:\n");
        b.append("    model: ").append(quote(llm.model())).append('\n');
        b.append("    sagemaker_endpoint: ").append(quote(llm.sagemakerEndpoint().orElse(""))).append('\n');
        b.append("    hf_model_path: ").append(quote(llm.hfModelPath().orElse(""))).append('\n');
        b.append("    temperature: ").append(number(llm.temperature())).append('\n');
        b.append("    top_p: ").append(number(llm.topP())).append('\n');
        b.append("    max_tokens: ").append(llm.maxTokens()).append('\n');
        b.append("    backends: ").append(list(llm.backends())).append('\n');
        b.append("    thinking_budget: ").append(llm.thinkingBudget()).append('\n');
        b.append("    answer_budget: ").append(llm.answerBudget()).append('\n');
        b.append("    seed: ").append(llm.seed().isPresent() ? Long.toString(llm.seed().getAsLong()) : "\"\"")
                .append('\n');
        OpenAiBackendConfig openai = llm.openai();
        b.append("    openai:\n");
        b.append("      url: ").append(quote(openai.url().orElse(""))).append('\n');
        b.append("      model: ").append(quote(openai.model().orElse(""))).append('\n');
        b.append("      api_key_env: ").append(quote(openai.apiKeyEnv().orElse(""))).append('\n');
        b.append("      timeout: ").append(duration(openai.timeout())).append('\n');
        SageMakerBackendConfig sm = llm.sagemaker();
        b.append("    sagemaker:\n");
        b.append("      region: ").append(quote(sm.region().orElse(""))).append('\n');
        b.append("      endpoint_url: ").append(quote(sm.endpointUrl().orElse(""))).append('\n');
        b.append("      format: ").append(quote(sm.format())).append('\n');
        b.append("      streaming: ").append(sm.streaming()).append('\n');
        b.append("      timeout: ").append(duration(sm.timeout())).append('\n');
        b.append("      max_attempts: ").append(sm.maxAttempts()).append('\n');
        LocalBackendConfig local = llm.local();
        b.append("    local:\n");
        b.append("      device: ").append(quote(local.device())).append('\n');
        b.append("      dtype: ").append(quote(local.dtype())).append('\n');
        b.append("      timeout: ").append(duration(local.timeout())).append('\n');
        b.append("    circuit_breaker:\n");
        b.append("      failures: ").append(llm.circuitBreaker().failures()).append('\n');
        b.append("      cool_down: ").append(duration(llm.circuitBreaker().coolDown())).append('\n');
        b.append("modules:\n");
        for (ModuleName m : ModuleName.values()) {
            ModuleConfig mc = c.modules().of(m);
            b.append("  ").append(m.key()).append(":\n");
            b.append("    enabled: ").append(mc.enabled()).append('\n');
            b.append("    timeout: ").append(duration(mc.timeout())).append('\n');
            b.append("    models: ").append(list(mc.models())).append('\n');
            b.append("    rl_training: ").append(mc.rlTraining()).append('\n');
            b.append("    queue_capacity: ").append(mc.queueCapacity()).append('\n');
            b.append("    workers: ").append(mc.workers()).append('\n');
            b.append("    required_tags: ").append(list(mc.requiredTags())).append('\n');
        }
        DecisionEngineConfig d = c.decisionEngine();
        RuleThresholds r = d.rules();
        b.append("decision_engine:\n");
        b.append("  confidence_threshold: ").append(number(d.confidenceThreshold())).append('\n');
        b.append("  max_retries: ").append(d.maxRetries()).append('\n');
        b.append("  retry_backoff: ").append(duration(d.retryBackoff())).append('\n');
        b.append("  cache_ttl: ").append(duration(d.cacheTtl())).append('\n');
        b.append("  rules:\n");
        b.append("    efficiency_margin_pct: ").append(number(r.efficiencyMarginPct())).append('\n');
        b.append("    market_sigma: ").append(number(r.marketSigma())).append('\n');
        b.append("    inventory_sigma: ").append(number(r.inventorySigma())).append('\n');
        b.append("    margin_shift_pct: ").append(number(r.marginShiftPct())).append('\n');
        b.append("    window_lead: ").append(duration(r.windowLead())).append('\n');
        b.append("    forecast_ttl: ").append(duration(r.forecastTtl())).append('\n');
        b.append("    input_move_pct: ").append(number(r.inputMovePct())).append('\n');
        b.append("    flatline_samples: ").append(r.flatlineSamples()).append('\n');
        b.append("store:\n  path: ").append(quote(c.store().path().toString())).append('\n');
        ServerConfig srv = c.server();
        b.append("server:\n");
        b.append("  bind: ").append(quote(srv.bind())).append('\n');
        b.append("  port: ").append(srv.port()).append('\n');
        b.append("  token_file: ").append(quote(srv.tokenFile().toString())).append('\n');
        b.append("  max_body_bytes: ").append(srv.maxBodyBytes()).append('\n');
        b.append("  rate_limit: ").append(number(srv.rateLimit())).append('\n');
        b.append("  rate_burst: ").append(srv.rateBurst()).append('\n');
        b.append("  request_timeout: ").append(duration(srv.requestTimeout())).append('\n');
        b.append("  max_connections: ").append(srv.maxConnections()).append('\n');
        b.append("  tls:\n");
        b.append("    keystore: ").append(quote(srv.tls().keystore().map(Path::toString).orElse(""))).append('\n');
        b.append("    password_file: ").append(quote(srv.tls().passwordFile().map(Path::toString).orElse("")))
                .append('\n');
        AdvisorConfig adv = c.advisor();
        b.append("advisor:\n");
        b.append("  enabled: ").append(adv.enabled()).append('\n');
        b.append("  deadline: ").append(duration(adv.deadline())).append('\n');
        b.append("  max_pending: ").append(adv.maxPending()).append('\n');
        ConsoleConfig con = c.console();
        b.append("console:\n");
        b.append("  engine_url: ").append(quote(con.engineUrl().map(Object::toString).orElse(""))).append('\n');
        b.append("  token_file: ").append(quote(con.tokenFile().map(Path::toString).orElse(""))).append('\n');
        b.append("  truststore: ").append(quote(con.truststore().map(Path::toString).orElse(""))).append('\n');
        b.append("  truststore_password_file: ")
                .append(quote(con.truststorePasswordFile().map(Path::toString).orElse(""))).append('\n');
        return b.toString();
    }

    /**
     * Validates {@code yamlText} with the loader (all problems reported, nothing written when any)
     * and writes it to {@code file} atomically, so a crash never leaves half a config.
     *
     * @throws ConfigException when the text is not a valid configuration
     */
    public static DangConfig save(String yamlText, Path file) throws IOException {
        DangConfig parsed = ConfigLoader.parse(yamlText, file.toString());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, yamlText, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return parsed;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : d.toMillis() + "ms";
    }

    private static String list(List<String> items) {
        return items.stream().map(ConfigWriter::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
