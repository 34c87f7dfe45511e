package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDefaultsTest {

    private static final String RESOURCE = "/org/dang/engine/config/default-config.yaml";

    private static String shippedDefaults() throws IOException {
        try (InputStream in = ConfigDefaultsTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shippedDefaultFileParsesToExactlyTheBuiltInDefaults() throws IOException {
        DangConfig parsed = ConfigLoader.parse(shippedDefaults(), "default-config.yaml");
        assertEquals(DangConfig.defaults(), parsed);
        assertEquals(Path.of(System.getProperty("user.home"), ".dang", "decisions"), parsed.store().path());
    }

    @Test
    void shippedDefaultFileGivesEveryKeyAValueAndAComment() throws IOException {
        List<String> lines = shippedDefaults().lines().toList();
        Pattern leaf = Pattern.compile("^\\s*([a-z_]+):\\s*\\S.*$");
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = leaf.matcher(lines.get(i));
            if (m.matches()) {
                leaves.add(m.group(1));
                String previous = lines.get(i - 1).strip();
                assertTrue(previous.startsWith("#"), "line " + (i + 1) + " (" + m.group(1) + ") has no comment above it");
            }
        }
        // 6 + 4 llm keys, 4 openai, 6 sagemaker, 3 local, 2 circuit breaker, 3 modules x 7 keys,
        // 4 decision_engine keys, 8 rules, 1 store path, 8 server keys + 2 tls.
        assertEquals(72, leaves.size(), leaves.toString());
        for (String key : List.of("model", "sagemaker_endpoint", "hf_model_path", "temperature", "top_p", "max_tokens",
                "enabled", "timeout", "models", "rl_training", "queue_capacity", "workers", "required_tags",
                "confidence_threshold", "max_retries", "retry_backoff", "cache_ttl", "efficiency_margin_pct",
                "market_sigma", "inventory_sigma", "margin_shift_pct", "window_lead", "forecast_ttl",
                "input_move_pct", "flatline_samples", "path", "bind", "port", "token_file", "max_body_bytes",
                "rate_limit", "rate_burst", "request_timeout", "keystore", "password_file")) {
            assertTrue(leaves.contains(key), key + " is missing from the shipped default file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# nothing but a comment\n", "---\n", "~\n", "orchestrator:\nmodules:\n"})
    void emptyDocumentsMeanAllDefaults(String text) {
        assertEquals(DangConfig.defaults(), ConfigLoader.parse(text, "empty.yaml"));
    }

    @Test
    void emptyFileOnDiskMeansAllDefaults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "");
        assertEquals(DangConfig.defaults(), ConfigLoader.load(file));
    }

    @Test
    void missingModuleKeysTakeThatModulesDefaults() {
        DangConfig config = ConfigLoader.parse("""
                modules:
                  analysis:
                    workers: 3
                  optimization:
                    enabled: false
                """, "partial.yaml");
        ModulesConfig defaults = ModulesConfig.defaults();
        ModuleConfig analysis = config.modules().analysis();
        assertEquals(3, analysis.workers());
        assertEquals(defaults.analysis().timeout(), analysis.timeout());
        assertEquals(List.of("seasonal_norm", "change_point"), analysis.models());
        assertEquals(4, analysis.queueCapacity());
        ModuleConfig optimization = config.modules().optimization();
        assertEquals(false, optimization.enabled());
        assertEquals(true, optimization.rlTraining());
        assertEquals(List.of("trained_policy_v2"), optimization.models());
        assertEquals(defaults.forecasting(), config.modules().forecasting());
        assertEquals(DecisionEngineConfig.defaults(), config.decisionEngine());
    }

    @Test
    void noFileGivenAndNoneAtTheDefaultLocationMeansDefaults() {
        Assumptions.assumeFalse(Files.exists(ConfigLoader.defaultLocation()),
                "this machine has a " + ConfigLoader.defaultLocation());
        assertEquals(DangConfig.defaults(), ConfigLoader.loadOrDefaults(Optional.empty()));
    }

    @Test
    void defaultLocationIsConfigYamlInDotDangOfTheHomeFolder() {
        assertEquals(Path.of(System.getProperty("user.home"), ".dang", "config.yaml"), ConfigLoader.defaultLocation());
    }
}
