package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final String FULL = """
            orchestrator:
              llm:
                model: deepseek-r1-distill-qwen-1.5b
                sagemaker_endpoint: dang-r1-endpoint
                hf_model_path: /opt/models/r1-1.5b
                temperature: 0.3
                top_p: 0.9
                max_tokens: 8192
            modules:
              forecasting:
                enabled: false
                timeout: 120
                models: [ridge]
                rl_training: false
                queue_capacity: 16
                workers: 2
                required_tags: [feed_rate]
              analysis:
                enabled: true
                timeout: 90s
                models: [change_point]
                rl_training: false
                queue_capacity: 2
                workers: 3
                required_tags: [crude_price]
              optimization:
                enabled: true
                timeout: 20m
                models:
                  - trained_policy_v3
                  - trained_policy_v2
                rl_training: false
                queue_capacity: 1
                workers: 16
                required_tags: []
            decision_engine:
              confidence_threshold: 0.65
              max_retries: 5
              retry_backoff: 2s
              cache_ttl: 2h
              rules:
                efficiency_margin_pct: 4.5
                market_sigma: 3
                inventory_sigma: 2.5
                margin_shift_pct: 7.5
                window_lead: 30m
                forecast_ttl: PT2H
                input_move_pct: 0
                flatline_samples: 60
            store:
              path: /var/lib/dang/decisions
            """;

    @Test
    void fullCustomFileSetsEveryValue(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("site.yaml"), FULL);
        DangConfig expected = new DangConfig(
                new OrchestratorConfig(new LlmConfig("deepseek-r1-distill-qwen-1.5b", Optional.of("dang-r1-endpoint"),
                        Optional.of("/opt/models/r1-1.5b"), 0.3, 0.9, 8192)),
                new ModulesConfig(
                        new ModuleConfig(false, Duration.ofSeconds(120), List.of("ridge"), false, 16, 2,
                                List.of("feed_rate")),
                        new ModuleConfig(true, Duration.ofSeconds(90), List.of("change_point"), false, 2, 3,
                                List.of("crude_price")),
                        new ModuleConfig(true, Duration.ofMinutes(20), List.of("trained_policy_v3", "trained_policy_v2"),
                                false, 1, 16, List.of())),
                new DecisionEngineConfig(0.65, 5, Duration.ofSeconds(2), Duration.ofHours(2),
                        new RuleThresholds(4.5, 3.0, 2.5, 7.5, Duration.ofMinutes(30), Duration.ofHours(2), 0.0, 60)),
                new StoreConfig(Path.of("/var/lib/dang/decisions")));
        assertEquals(expected, ConfigLoader.load(file));
        assertEquals(expected, ConfigLoader.loadOrDefaults(Optional.of(file)));
    }

    @ParameterizedTest(name = "window_lead: {0}")
    @CsvSource(delimiter = '|', value = {
            "0             | PT0S",
            "90            | PT1M30S",
            "1.5           | PT1.5S",
            "'\"120\"'     | PT2M",
            "500ms         | PT0.5S",
            "90s           | PT1M30S",
            "15m           | PT15M",
            "2h            | PT2H",
            "1d            | PT24H",
            "1.5h          | PT1H30M",
            "'15 m'        | PT15M",
            "PT5M          | PT5M",
            "pt1h30m       | PT1H30M",
            "P1D           | PT24H",
            "0x3C          | PT1M",
    })
    void durationsInEverySyntax(String written, String iso) {
        DangConfig config = ConfigLoader.parse("decision_engine:\n  rules:\n    window_lead: " + written + "\n", "d.yaml");
        assertEquals(Duration.parse(iso), config.decisionEngine().rules().windowLead());
    }

    @Test
    void durationBoundsAreInclusive() {
        DangConfig config = ConfigLoader.parse("""
                modules:
                  forecasting: {timeout: 1s}
                  analysis: {timeout: 24h}
                decision_engine:
                  retry_backoff: 1ms
                  cache_ttl: 7d
                  rules: {window_lead: 0, forecast_ttl: 30d}
                """, "bounds.yaml");
        assertEquals(Duration.ofSeconds(1), config.modules().forecasting().timeout());
        assertEquals(Duration.ofHours(24), config.modules().analysis().timeout());
        assertEquals(Duration.ofMillis(1), config.decisionEngine().retryBackoff());
        assertEquals(Duration.ofDays(7), config.decisionEngine().cacheTtl());
        assertEquals(Duration.ZERO, config.decisionEngine().rules().windowLead());
        assertEquals(Duration.ofDays(30), config.decisionEngine().rules().forecastTtl());
    }

    @Test
    void numberBoundsAreInclusiveExceptWhereZeroIsExcluded() {
        DangConfig config = ConfigLoader.parse("""
                orchestrator:
                  llm: {temperature: 2, top_p: 1, max_tokens: 131072}
                decision_engine:
                  confidence_threshold: 0
                  max_retries: 10
                  rules: {efficiency_margin_pct: 100, market_sigma: 0.01, input_move_pct: 100, flatline_samples: 2}
                """, "bounds.yaml");
        assertEquals(2.0, config.orchestrator().llm().temperature());
        assertEquals(1.0, config.orchestrator().llm().topP());
        assertEquals(131_072, config.orchestrator().llm().maxTokens());
        assertEquals(0.0, config.decisionEngine().confidenceThreshold());
        assertEquals(10, config.decisionEngine().maxRetries());
        assertEquals(100.0, config.decisionEngine().rules().efficiencyMarginPct());
        assertEquals(0.01, config.decisionEngine().rules().marketSigma());
        assertEquals(100.0, config.decisionEngine().rules().inputMovePct());
        assertEquals(2, config.decisionEngine().rules().flatlineSamples());
    }

    @Test
    void emptyOrMissingBackendsAreNotUsed() {
        LlmConfig llm = ConfigLoader.parse("""
                orchestrator:
                  llm:
                    sagemaker_endpoint: ""
                    hf_model_path:
                """, "llm.yaml").orchestrator().llm();
        assertEquals(Optional.empty(), llm.sagemakerEndpoint());
        assertEquals(Optional.empty(), llm.hfModelPath());
    }

    @Test
    void tildeExpandsToTheHomeFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals(home.resolve("dang-data").resolve("decisions"),
                ConfigLoader.parse("store:\n  path: ~/dang-data/decisions\n", "t.yaml").store().path());
        assertEquals(home, ConfigLoader.parse("store:\n  path: \"~\"\n", "t.yaml").store().path());
    }

    @Test
    void relativeStorePathResolvesAgainstTheConfigFilesFolder(@TempDir Path dir) throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path file = Files.writeString(site.resolve("config.yaml"), "store:\n  path: data/../db/decisions\n");
        assertEquals(site.resolve("db").resolve("decisions").toAbsolutePath(), ConfigLoader.load(file).store().path());
    }

    @Test
    void relativeStorePathInParsedTextResolvesAgainstTheWorkingDirectory() {
        assertEquals(Path.of("").toAbsolutePath().resolve("db"),
                ConfigLoader.parse("store:\n  path: db\n", "t.yaml").store().path());
    }

    @Test
    void yamlSpellingsOfValuesAreAccepted() {
        DangConfig config = ConfigLoader.parse("""
                modules:
                  forecasting:
                    enabled: no
                    rl_training: yes
                    queue_capacity: 1_000
                    models: ["xgboost", 'ridge']
                decision_engine:
                  max_retries: 0x0A
                """, "spellings.yaml");
        assertEquals(false, config.modules().forecasting().enabled());
        assertEquals(true, config.modules().forecasting().rlTraining());
        assertEquals(1000, config.modules().forecasting().queueCapacity());
        assertEquals(List.of("xgboost", "ridge"), config.modules().forecasting().models());
        assertEquals(10, config.decisionEngine().maxRetries());
    }

    @Test
    void anchorsAndAliasesCanShareValues() {
        DangConfig config = ConfigLoader.parse("""
                modules:
                  forecasting:
                    required_tags: &core [feed_rate, top_temp]
                  optimization:
                    required_tags: *core
                """, "alias.yaml");
        assertEquals(List.of("feed_rate", "top_temp"), config.modules().optimization().requiredTags());
    }

    @Test
    void byteOrderMarkIsIgnored(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bom.yaml"), "\uFEFFdecision_engine:\n  max_retries: 4\n",
                StandardCharsets.UTF_8);
        assertEquals(4, ConfigLoader.load(file).decisionEngine().maxRetries());
    }
}
